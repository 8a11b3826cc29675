import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../core/protocol';
import { runScale, stopLabel, stopOf } from './runLabel';

const run = (over: Partial<RunSummary>): RunSummary => ({
  id: 'run_1', datasetId: 'ds', datasetName: 'ml', model: 'sasrec', status: 'cancelled', createdAt: '2026-01-01T00:00:00.000Z', finishedAt: null,
  config: { train: { epochs: 15 } }, metrics: [], error: null, notes: '', tags: [], ...over,
});

describe('run labels', () => {
  it('say how far a stopped run got: steps, the epoch of an epoch-based run, the stage of a recipe', () => {
    expect(stopLabel({ step: 340, totalSteps: 1500, epoch: 4, epochs: 15 })).toBe('stopped at step 340 of 1,500, epoch 4 of 15');
    expect(stopLabel({ step: 620, totalSteps: 1200, epoch: 1, epochs: 1, label: 'ingredient · stable (movies)' })).toBe('stopped at step 620 of 1,200 (ingredient · stable (movies))');
    expect(stopLabel({ step: 0, totalSteps: 0, epoch: 0, epochs: 0, label: 'evaluate' })).toBe('stopped (evaluate)');
  });

  it('give a stop position only for runs that can resume', () => {
    const stoppedAt = { step: 3, totalSteps: 9, epoch: 1, epochs: 3 };
    expect(stopOf(run({ stoppedAt }))).toEqual(stoppedAt);
    expect(stopOf(run({ status: 'failed', stoppedAt }))).toEqual(stoppedAt);
    expect(stopOf(run({ status: 'running', stoppedAt }))).toBeNull(); // resumed: the progress bar says it
    expect(stopOf(run({}))).toBeNull();
    expect(runScale(run({ stoppedAt }))).toBe('15 epochs');
    expect(runScale(run({ config: { train: { epochs: 1 } } }))).toBe('1 epoch');
    expect(runScale(run({ config: { settings: { steps: 2000 } } }))).toBe('2,000 steps');
  });
});
