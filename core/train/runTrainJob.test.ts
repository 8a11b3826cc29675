import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { getModelFamily } from '../models/registry';
import type { RunProgress, TrainPoint } from '../protocol/dto';
import type { TrainJob } from '../protocol/worker';
import { decodeSafetensors } from '../tensor/safetensors';
import { toyLeaveOneOut } from '../testing/fixtures';
import { useTensorSuite } from '../testing/tensorSuite';
import { checkpointBytes, loadCheckpointWeights, momentsOfOptimizer } from './checkpoint';
import { createAdam } from './optimizer';
import { CHECKPOINT_NAME, runTrainJob, type TrainHooks } from './runTrainJob';

function job(overrides: Partial<TrainJob['train']> = {}, users = 40): TrainJob {
  return {
    runId: 'r1',
    model: 'sasrec',
    modelConfig: { hidden: 8, blocks: 1, heads: 1, maxLen: 6, dropout: 0.2 },
    train: { epochs: 2, batchSize: 16, learningRate: 1e-3, seed: 42, ...overrides },
    eval: { negatives: 20, seed: 7, fullRanking: true },
    data: toyLeaveOneOut({ users, numItems: 30, length: 10, seed: 2 }),
    checkpointDir: '/tmp/unused',
  };
}

interface Recorder {
  hooks: TrainHooks;
  deltas: { points: TrainPoint[]; progress: RunProgress }[];
  checkpoints: { name: string; bytes: Uint8Array }[];
}

function recorder(cancelAfterSteps = Infinity): Recorder {
  const r: Recorder = { deltas: [], checkpoints: [], hooks: undefined as unknown as TrainHooks };
  let t = 0;
  let yields = 0;
  r.hooks = {
    emit: (d) => r.deltas.push(d),
    isCancelled: () => yields >= cancelAfterSteps,
    yieldToEventLoop: async () => void yields++,
    now: () => (t += 30),
    writeCheckpoint: async (name, bytes) => void r.checkpoints.push({ name, bytes }),
  };
  return r;
}

useTensorSuite();

describe('runTrainJob', () => {
  it('trains, logs one point per step, checkpoints each epoch, evaluates, frees everything', async () => {
    const r = recorder();
    const outcome = await runTrainJob(job(), r.hooks);
    if (outcome.status !== 'done') throw new Error('not done');
    const points = r.deltas.flatMap((d) => d.points);
    expect(points.map((p) => [p.step, p.epoch])).toEqual([[1, 1], [2, 1], [3, 1], [4, 2], [5, 2], [6, 2]]);
    for (const p of points) expect(p).toMatchObject({ lr: 1e-3, loss: expect.any(Number) });
    expect(r.deltas.length).toBeLessThan(points.length + 2); // throttled: the 30 ms clock merges steps
    expect(r.deltas.at(-1)?.progress).toEqual({ step: 6, totalSteps: 6, epoch: 2, epochs: 2, etaSeconds: null, phase: 'eval' });
    expect(r.checkpoints.map((c) => c.name)).toEqual([CHECKPOINT_NAME, CHECKPOINT_NAME]);
    const ckpt = decodeSafetensors(r.checkpoints[1]?.bytes ?? new Uint8Array());
    expect(ckpt.metadata).toMatchObject({ model: 'sasrec', epoch: '2', step: '6', adam_iterations: '6' });
    expect(ckpt.tensors.get('item_emb')?.shape).toEqual([31, 8]);
    expect(ckpt.tensors.get('optimizer.m.item_emb')?.shape).toEqual([31, 8]);
    expect(ckpt.tensors.get('optimizer.v.blocks.0.ffn2.b')?.shape).toEqual([8]);
    expect(outcome.metrics).toHaveLength(9);
    expect(outcome.metrics[0]).toMatchObject({ name: 'HR', k: 10, protocol: { target: 'test', candidates: { kind: 'sampled', negatives: 20, seed: 7 }, users: 40 } });
  });

  it('stops within one batch of a cancel, without evaluating or leaking', async () => {
    const r = recorder(2);
    expect(await runTrainJob(job(), r.hooks)).toEqual({ status: 'cancelled' });
    expect(r.deltas.flatMap((d) => d.points).map((p) => p.step)).toEqual([1, 2]);
    expect(r.deltas.every((d) => d.progress.phase === 'train')).toBe(true);
    expect(r.checkpoints).toEqual([]);
  });

  it('is reproducible from the seed', async () => {
    const losses = async (): Promise<number[]> => {
      const r = recorder();
      await runTrainJob(job({ epochs: 1 }), r.hooks);
      return r.deltas.flatMap((d) => d.points.map((p) => p.loss));
    };
    expect(await losses()).toEqual(await losses());
  });

  it('learns the toy sequences well above chance', async () => {
    const r = recorder();
    const outcome = await runTrainJob(job({ epochs: 15, learningRate: 1e-2 }, 64), r.hooks);
    if (outcome.status !== 'done') throw new Error('not done');
    const hr = outcome.metrics.find((m) => m.name === 'HR' && m.protocol.candidates.kind === 'sampled' && m.protocol.target === 'test');
    expect(hr?.value).toBeGreaterThan(0.9); // chance is 10/21
  });

  it('rejects data without training transitions', async () => {
    const bad = { ...job(), data: toyLeaveOneOut({ users: 3, numItems: 10, length: 3 }) };
    await expect(runTrainJob(bad, recorder().hooks)).rejects.toThrow(/no user has a training transition/);
  });
});

describe('checkpoints', () => {
  it('round-trip model weights', async () => {
    const family = getModelFamily('sasrec');
    const config = { hidden: 8, blocks: 1, heads: 1, maxLen: 4, dropout: 0 };
    const a = family.build(config, 12, 1);
    const b = family.build(config, 12, 2);
    const opt = createAdam(1e-3);
    loadCheckpointWeights(b, await checkpointBytes(a, await momentsOfOptimizer(a, opt), { epoch: 0, step: 0, config, rng: {} }));
    for (const [name, v] of a.variables) expect(await b.variables.get(name)?.array()).toEqual(await v.array());
    const c = family.build({ ...config, hidden: 16 }, 12, 1);
    expect(() => loadCheckpointWeights(c, tf.util.encodeString('nope'))).toThrow();
    [a, b, c].forEach((m) => m.dispose());
    opt.dispose();
  });
});
