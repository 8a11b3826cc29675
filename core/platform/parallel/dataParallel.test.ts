import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SasRecConfig } from '../../protocol/dto';
import { getModelFamily } from '../../models/registry';
import type { SequentialRecModel } from '../../models/types';
import { toyLeaveOneOut } from '../../testing/fixtures';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createDataParallel, dataParallelStep, publishWeights } from '../../train/parallel/dataParallel';
import type { ReplicaSlot } from '../../train/parallel/protocol';
import { flatLayout, sharedFloats } from '../../train/parallel/flatGrads';
import { createRng } from '../../train/rng';
import { runTrainJob, trainStep } from '../../train/runTrainJob';
import type { TrainPoint } from '../../protocol/dto';
import type { TrainJob } from '../../protocol/worker';
import { memoryTrainHooks } from '../../testing/trainJobHooks';
import { createBatchSampler, type SeqBatch } from '../../train/sampler';
import { sourceReplicaScript, sourceReplicaStarter } from './sourceReplicas';
import { startReplicas } from './workerReplicas';

// Dropout 0: with it on, each shard draws its own mask, so the runs differ by design.
const CONFIG: SasRecConfig = { hidden: 16, blocks: 2, heads: 2, maxLen: 10, dropout: 0 };
const ITEMS = 30;

function batches(n: number): SeqBatch[] {
  const data = toyLeaveOneOut({ users: 80, numItems: ITEMS, length: (u) => 3 + (u % 11), seed: 4 });
  return [...createBatchSampler(data, CONFIG.maxLen, 27).epoch(createRng(3))].slice(0, n);
}

async function weightsOf(model: SequentialRecModel): Promise<Map<string, Float32Array>> {
  return new Map(await Promise.all([...model.variables].map(async ([n, v]) => [n, (await v.data()) as Float32Array] as const)));
}

useTensorSuite();

describe('data-parallel SASRec step over worker threads', () => {
  let replicas: ReplicaSlot[] = [];
  let weights: Float32Array;
  beforeAll(async () => {
    const probe = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
    const length = flatLayout(probe.variables).length;
    probe.dispose();
    weights = sharedFloats(length);
    replicas = await startReplicas(2, { task: { kind: 'seqrec', family: 'sasrec', config: CONFIG, numItems: ITEMS }, backendRungs: ['wasm'], weights: weights.buffer as SharedArrayBuffer }, length, sourceReplicaScript());
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.port.close()));
  });

  // SGD, so weights compare gradients directly: Adam divides by √v and turns float noise in a
  // gradient that is zero in exact arithmetic (the key bias: softmax ignores it) into ±lr steps.
  it('three sharded updates (lead + 2 threads) equal three full-batch updates', async () => {
    const single = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
    const sharded = getModelFamily('sasrec').build(CONFIG, ITEMS, 1);
    const optA = tf.train.sgd(0.5);
    const sgd = (w: Float32Array, g: Float64Array): void => w.forEach((x, i) => (w[i] = x - 0.5 * (g[i] as number)));
    const dp = createDataParallel(sharded, weights, replicas);
    await publishWeights(dp);
    const lossesA: number[] = [];
    const lossesB: number[] = [];
    for (const b of batches(3)) {
      lossesA.push(await trainStep(single, optA, b, createRng(7)));
      lossesB.push(await dataParallelStep(dp, sgd, b, createRng(7)));
    }
    lossesB.forEach((l, i) => expect(Math.abs(l - (lossesA[i] as number))).toBeLessThan(1e-5));
    const [wa, wb] = [await weightsOf(single), await weightsOf(sharded)];
    let worst = 0;
    for (const [name, a] of wa) a.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - ((wb.get(name) as Float32Array)[i] as number)))));
    expect(worst).toBeLessThan(1e-5);
    expect(lossesA[2]).not.toBe(lossesA[0]); // the updates did something
    optA.dispose();
    single.dispose();
    sharded.dispose();
  });
});

describe('runTrainJob data-parallel (flat Adam on the lead)', () => {
  const job: TrainJob = {
    runId: 'r_dp',
    model: 'sasrec',
    modelConfig: { ...CONFIG, dropout: 0.2 },
    train: { epochs: 3, batchSize: 16, learningRate: 5e-3, seed: 11 },
    eval: { negatives: 20, seed: 7, fullRanking: false },
    data: toyLeaveOneOut({ users: 40, numItems: ITEMS, length: 10, seed: 2 }),
    checkpointDir: '/unused',
  };
  const withThread = (hooks: ReturnType<typeof memoryTrainHooks>): ReturnType<typeof memoryTrainHooks> => ({ ...hooks, startReplicas: sourceReplicaStarter(1, 'wasm') });

  it('follows the single-thread loss curve without dropout, and resumes exactly from its checkpoint', async () => {
    const noDropout = { ...job, modelConfig: CONFIG, train: { ...job.train, epochs: 1 } };
    const single: TrainPoint[] = [];
    const parallel: TrainPoint[] = [];
    await runTrainJob(noDropout, memoryTrainHooks(new Map(), single));
    await runTrainJob(noDropout, withThread(memoryTrainHooks(new Map(), parallel)));
    parallel.forEach((p, i) => expect(Math.abs(p.loss - (single[i] as TrainPoint).loss)).toBeLessThan(1e-4));

    const straight: TrainPoint[] = [];
    const full = await runTrainJob(job, withThread(memoryTrainHooks(new Map(), straight)));
    // 3 steps per epoch: stopping after step 5 leaves the epoch-1 checkpoint (step 3) on disk.
    const disk = new Map<string, Uint8Array>();
    expect((await runTrainJob(job, withThread(memoryTrainHooks(disk, [], 5)))).status).toBe('cancelled');
    const resumed: TrainPoint[] = [];
    const after = await runTrainJob({ ...job, resume: true }, withThread(memoryTrainHooks(disk, resumed)));
    expect(resumed.map((p) => p.step)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(resumed.map((p) => p.loss)).toEqual(straight.slice(3).map((p) => p.loss));
    if (full.status !== 'done' || after.status !== 'done') throw new Error('runs did not finish');
    expect(after.metrics.map((m) => m.value)).toEqual(full.metrics.map((m) => m.value));
  });
});
