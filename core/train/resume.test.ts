import { describe, expect, it } from 'vitest';
import type { TrainPoint } from '../protocol/dto';
import type { TrainJob } from '../protocol/worker';
import { toyLeaveOneOut } from '../testing/fixtures';
import { useTensorSuite } from '../testing/tensorSuite';
import { memoryTrainHooks } from '../testing/trainJobHooks';
import { runTrainJob } from './runTrainJob';

const baseJob: TrainJob = {
  runId: 'r_resume',
  model: 'sasrec',
  modelConfig: { hidden: 8, blocks: 1, heads: 1, maxLen: 6, dropout: 0.2 },
  train: { epochs: 4, batchSize: 16, learningRate: 5e-3, seed: 11 },
  eval: { negatives: 20, seed: 7, fullRanking: false },
  data: toyLeaveOneOut({ users: 40, numItems: 30, length: 10, seed: 2 }),
  checkpointDir: '/unused',
};

useTensorSuite();

describe('exact resume from a checkpoint', () => {
  it('an interrupted then resumed run repeats the uninterrupted losses and metrics', async () => {
    const straight: TrainPoint[] = [];
    const full = await runTrainJob(baseJob, memoryTrainHooks(new Map(), straight));

    // 3 steps per epoch: stopping after step 8 leaves the epoch-2 checkpoint (step 6) on disk.
    const disk = new Map<string, Uint8Array>();
    const interrupted: TrainPoint[] = [];
    expect((await runTrainJob(baseJob, memoryTrainHooks(disk, interrupted, 8))).status).toBe('cancelled');
    expect(interrupted.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const resumed: TrainPoint[] = [];
    const after = await runTrainJob({ ...baseJob, resume: true }, memoryTrainHooks(disk, resumed));
    expect(resumed.map((p) => p.step)).toEqual([7, 8, 9, 10, 11, 12]);
    for (const point of resumed) {
      const reference = straight.find((p) => p.step === point.step);
      expect(point.epoch).toBe(reference?.epoch);
      expect(Math.abs(point.loss - (reference?.loss ?? NaN))).toBeLessThan(1e-5);
    }
    if (full.status !== 'done' || after.status !== 'done') throw new Error('runs did not finish');
    expect(after.metrics.map((m) => m.value)).toEqual(full.metrics.map((m) => m.value));
  });

  it('resuming a run that never reached a checkpoint starts it from the beginning', async () => {
    const points: TrainPoint[] = [];
    await runTrainJob({ ...baseJob, train: { ...baseJob.train, epochs: 1 }, resume: true }, memoryTrainHooks(new Map(), points));
    expect(points.map((p) => p.step)).toEqual([1, 2, 3]);
  });
});
