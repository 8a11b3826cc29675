/** compute.* payloads of window recipe runs: every RecipeRunEvent kind accepted as runners emit it, and malformed ones refused with the field named. */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_CHUNK_BYTES } from '../../core/protocol/computeFiles';
import { requestProblem } from '../testing/requestProblem';
import { validateRequest } from './validate';

const protocol = { split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 9, sampler: 'uniform', seed: 1 }, excludeHistory: true, users: 30, segment: 'cold', domain: 'movies', chance: 0.1 };
const lmPoint = { step: 3, loss: 2.5, lr: 1e-3, phase: 'stable', source: 'domain-specific', tokens: 180, tokensPerSecond: 900.5, gradNorm: 1.25 };
const lmProgress = { step: 3, totalSteps: 10, phase: 'stable', source: 'domain-specific', etaSeconds: null, tokensPerSecond: 900.5 };

const EVENTS = {
  stage: { kind: 'stage', stage: 'pretrain' },
  plan: { kind: 'lm', series: 'all-domain', event: { kind: 'plan', startStep: 0, totalSteps: 10, boundaries: [{ step: 1, phase: 'warmup', source: 'domain-specific' }] } },
  phaseChange: { kind: 'lm', series: 'all-domain', event: { kind: 'phaseChange', step: 1, from: null, to: 'warmup', source: 'domain-specific' } },
  lmProgress: { kind: 'lm', series: 'all-domain', event: { kind: 'progress', points: [lmPoint], progress: lmProgress } },
  train: { kind: 'train', series: 'CL-VAE', points: [{ step: 1, epoch: 1, loss: 0.3, lr: 0.01 }], progress: { step: 1, totalSteps: 4, epoch: 1, epochs: 1, etaSeconds: 2, phase: 'train', label: 'CL-VAE' } },
  metrics: { kind: 'metrics', metrics: [{ name: 'HR', k: 1, value: 0.2, protocol, variant: 'merged' }] },
  table: { kind: 'table', table: { id: 'cprec-results', title: 'Results', columns: ['variant', 'HR@1', 'note'], rows: [['cprec', 0.2, null]], protocol: '1 + 9 sampled, seed 1' } },
  artifact: { kind: 'artifact', artifact: { kind: 'peft-adapter', path: 'artifacts/adapter', title: 'CPRec LoRA' } },
} as const;


const recipeEvent = (event: unknown): unknown => ({ event: { type: 'recipe', runId: 'run_1', event } });

describe('recipe events from a window (compute.event)', () => {
  it.each(Object.entries(EVENTS))('accepts a %s event', (_kind, event) => {
    expect(() => validateRequest('compute.event', recipeEvent(event))).not.toThrow();
  });

  it.each([
    ['an unknown kind', { kind: 'log', text: 'x' }, /event.event.kind/],
    ['a non-finite LM loss', { ...EVENTS.lmProgress, event: { ...EVENTS.lmProgress.event, points: [{ ...lmPoint, loss: null }] } }, /event.event.event.points.0.loss/],
    ['an LM point with an extra field', { ...EVENTS.lmProgress, event: { ...EVENTS.lmProgress.event, points: [{ ...lmPoint, extra: 1 }] } }, /event.event.event.points.0/],
    ['a metric without its protocol', { kind: 'metrics', metrics: [{ name: 'HR', k: 1, value: 0.2 }] }, /event.event.metrics.0.protocol/],
    ['a table row of the wrong width', { kind: 'table', table: { ...EVENTS.table.table, rows: [['cprec', 0.2]] } }, /one cell per column/],
    ['an artifact outside the run folder', { kind: 'artifact', artifact: { ...EVENTS.artifact.artifact, path: '../other/adapter' } }, /event.event.artifact.path: no '..' segment/],
    ['an absolute artifact path', { kind: 'artifact', artifact: { ...EVENTS.artifact.artifact, path: '/etc' } }, /relative to the run folder/],
    ['an unknown artifact kind', { kind: 'artifact', artifact: { ...EVENTS.artifact.artifact, kind: 'binary' } }, /event.event.artifact.kind/],
    ['an empty stage', { kind: 'stage', stage: '' }, /event.event.stage/],
  ])('refuses %s', (_what, event, message) => {
    expect(requestProblem('compute.event', recipeEvent(event))).toMatch(message);
  });
});

describe('file calls from a window (compute.fileSize / readFile / writeFile)', () => {
  it('accepts chunked reads and every upload step', () => {
    expect(() => validateRequest('compute.fileSize', { runId: 'run_1', path: '/ws/runs/run_1/model/config.json' })).not.toThrow();
    expect(() => validateRequest('compute.readFile', { runId: 'run_1', path: '/m/model.safetensors', offset: 0, length: MAX_FILE_CHUNK_BYTES })).not.toThrow();
    for (const step of [{ op: 'begin', path: '/ws/runs/run_1/a' }, { op: 'append', uploadId: 'u-1', bytes: 'AAECAw==' }, { op: 'commit', uploadId: 'u-1', size: 4 }, { op: 'abort', uploadId: 'u-1' }]) {
      expect(() => validateRequest('compute.writeFile', { runId: 'run_1', ...step })).not.toThrow();
    }
  });

  it('refuses oversized chunks, negative offsets, unknown steps and stray fields', () => {
    expect(requestProblem('compute.readFile', { runId: 'run_1', path: '/a', offset: 0, length: MAX_FILE_CHUNK_BYTES + 1 })).toMatch(/length/);
    expect(requestProblem('compute.readFile', { runId: 'run_1', path: '/a', offset: -1, length: 1 })).toMatch(/offset/);
    expect(requestProblem('compute.writeFile', { runId: 'run_1', op: 'append', uploadId: 'u-1', bytes: 'A'.repeat(MAX_FILE_CHUNK_BYTES * 2) })).toMatch(/bytes: at most/);
    expect(requestProblem('compute.writeFile', { runId: 'run_1', op: 'truncate', uploadId: 'u-1' })).toMatch(/op/);
    expect(requestProblem('compute.writeFile', { runId: 'run_1', op: 'commit', uploadId: '../x', size: 1 })).toMatch(/uploadId/);
    expect(requestProblem('compute.fileSize', { runId: 'run_1', path: '/a', mode: 'w' })).toMatch(/invalid compute.fileSize request/);
  });
});
