import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initLmWeights } from '../../models/lm/weights';
import { initLoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { useTensorSuite } from '../../testing/tensorSuite';
import { memoryHooks, randomExamples, tinyJob, tinyLm } from '../../train/lm/fixtures';
import { readMicroBatches, type ExampleReader, type MicroBatch } from '../../train/lm/packing';
import { closeLmReplicas, parallelGradients, startLmReplicas } from '../../train/lm/parallel/lmDataParallel';
import { runLmTrainJob } from '../../train/lm/runLmTrainJob';
import { accumulateGradients, type GradientContext } from '../../train/lm/step';
import { fullModel, loraModel } from '../../train/lm/trainables';
import type { StartReplicas } from '../../train/parallel/protocol';
import { createRng } from '../../train/rng';
import { sourceReplicaStarter } from './sourceReplicas';

/** Replicas in worker threads on the test backend, counting how many were started. */
function threads(count: number): { start: StartReplicas; started: () => number } {
  let started = 0;
  const fromSource = sourceReplicaStarter(count, 'wasm');
  const start: StartReplicas = async (spec, gradLength) => {
    started += count;
    return fromSource(spec, gradLength);
  };
  return { start, started: () => started };
}

function batches(count: number, rows: number): MicroBatch[] {
  const examples = randomExamples(60, 9, 3, 14);
  let i = 0;
  const reader: ExampleReader = { peek: () => examples[i % examples.length] as (typeof examples)[number], advance: () => void i++ };
  return readMicroBatches(reader, count, rows, 16, true, 0);
}

async function worstGap(a: ReadonlyMap<string, tf.Tensor>, b: ReadonlyMap<string, tf.Tensor>): Promise<number> {
  let worst = 0;
  for (const [name, t] of a) {
    const [x, y] = [await t.data(), await (b.get(name) as tf.Tensor).data()];
    x.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (y[i] as number)))));
  }
  return worst;
}

/** Single-thread vs lead + `replicas` threads on the same update; returns the largest gradient gap and both losses. */
async function compare(ctx: GradientContext, params: Map<string, tf.Tensor>, replicas: number, update = batches(2, 5)): Promise<{ gap: number; losses: [number, number] }> {
  const dp = await startLmReplicas(ctx.config, ctx.model, params, threads(replicas).start);
  try {
    const single = await accumulateGradients(ctx, params, update);
    const parallel = await parallelGradients(dp!, ctx, params, update);
    const gap = await worstGap(single.grads, parallel.grads);
    tf.dispose([...single.grads.values(), ...parallel.grads.values()]);
    return { gap, losses: [single.loss, parallel.loss] };
  } finally {
    await closeLmReplicas(dp);
  }
}

useTensorSuite();

describe('data-parallel LM updates over worker threads', () => {
  it('LoRA: the lead + 2 threads give the single-thread accumulated gradients and loss', async () => {
    const config = tinyLm();
    const lora = defaultLoraConfig({ r: 4, lora_alpha: 8, target_modules: ['q_proj', 'v_proj', 'down_proj'] });
    const adapter = initLoraAdapter(config, lora, 3);
    // B starts at zero (PEFT); give it values so every gradient is non-trivial.
    const params = new Map([...adapter.tensors].map(([n, t]) => [n, tf.tidy(() => tf.add(t, tf.randomNormal(t.shape, 0, 0.1, 'float32', 5)))]));
    tf.dispose([...adapter.tensors.values()]);
    const model = loraModel(initLmWeights(config, 1, 0.2), lora);
    try {
      const { gap, losses } = await compare({ config, model, dropoutRng: createRng(1) }, params, 2);
      expect(gap).toBeLessThan(1e-5);
      expect(Math.abs(losses[0] - losses[1])).toBeLessThan(1e-5);
      expect(losses[0]).toBeGreaterThan(1);
    } finally {
      model.dispose();
      tf.dispose([...params.values()]);
    }
  });

  it('full weights: the lead + 1 thread give the single-thread gradients (rows split, and single-row micro-batches dealt whole)', async () => {
    const config = tinyLm();
    const params = initLmWeights(config, 2, 0.2);
    try {
      for (const update of [batches(2, 5), batches(3, 1)]) {
        const { gap, losses } = await compare({ config, model: fullModel(), dropoutRng: createRng(1) }, params, 1, update);
        expect(gap).toBeLessThan(1e-5);
        expect(Math.abs(losses[0] - losses[1])).toBeLessThan(1e-5);
      }
    } finally {
      tf.dispose([...params.values()]);
    }
  });

  it('runLmTrainJob with replicas trains like one thread, checkpoints, and closes its threads', async () => {
    const job = tinyJob({ accumulation: 2, batchSize: 3, steps: 5 });
    const one = memoryHooks();
    await runLmTrainJob(job, one.hooks);
    const two = memoryHooks();
    const pool = threads(1);
    const out = await runLmTrainJob(job, { ...two.hooks, startReplicas: pool.start });
    expect(out).toMatchObject({ status: 'done', steps: 5 });
    expect(pool.started()).toBe(1);
    const [a, b] = [one.rec.points.map((p) => p.loss), two.rec.points.map((p) => p.loss)];
    expect(b).toHaveLength(5);
    b.forEach((loss, i) => expect(Math.abs(loss - (a[i] as number))).toBeLessThan(1e-4));
    expect(two.rec.disk.size).toBe(1);
  });

  it('with LoRA dropout, a data-parallel run checkpointed at step 3 and resumed repeats the uninterrupted one', async () => {
    const job = tinyJob({
      trainable: { kind: 'lora', lora: { r: 4, lora_alpha: 8, lora_dropout: 0.1, target_modules: ['q_proj', 'v_proj', 'gate_proj'] } },
      steps: 6, accumulation: 2, batchSize: 3, packing: true, checkpointEvery: 3,
    });
    const pool = threads(1);
    const straight = memoryHooks();
    await runLmTrainJob(job, { ...straight.hooks, startReplicas: pool.start });
    const disk = new Map<string, Uint8Array>();
    const first = memoryHooks(disk, 4);
    expect(await runLmTrainJob(job, { ...first.hooks, startReplicas: pool.start })).toEqual({ status: 'cancelled', steps: 4 });
    const second = memoryHooks(disk);
    expect(await runLmTrainJob({ ...job, resume: true }, { ...second.hooks, startReplicas: pool.start })).toMatchObject({ status: 'done', steps: 6 });
    expect(second.rec.points.map((p) => p.step)).toEqual([4, 5, 6]);
    for (const p of second.rec.points) expect(Math.abs(p.loss - (straight.rec.points[p.step - 1]?.loss ?? NaN))).toBeLessThan(1e-5);
    expect(pool.started()).toBe(3);
  });
});
