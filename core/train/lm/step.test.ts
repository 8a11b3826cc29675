import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initLmWeights } from '../../models/lm/weights';
import { initLoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { useTensorSuite } from '../../testing/tensorSuite';
import { defaultAdamW, disposeAdamWState, initAdamWState } from './adamw';
import { randomExamples, tinyLm } from './fixtures';
import { collate, nextRow } from './packing';
import type { LmExample, MicroBatch } from './packing';
import { accumulateGradients, trainStep } from './step';
import { fullModel, loraModel } from './trainables';
import type { TrainableModel } from './trainables';

useTensorSuite();

const C = tinyLm();
const LORA = defaultLoraConfig({ r: 4, lora_alpha: 8, target_modules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'up_proj'] });

/** Rows of unequal lengths and prompt sizes, so per-micro-batch token counts differ. */
function rows(packing: boolean): ReturnType<typeof nextRow>[] {
  const examples = randomExamples(8, 3, 2, 9);
  let i = 0;
  const reader = { peek: () => examples[i % examples.length] as LmExample, advance: () => void i++ };
  return Array.from({ length: 4 }, () => nextRow(reader, 12, packing));
}

function setup(kind: 'full' | 'lora'): { model: TrainableModel; params: Map<string, tf.Tensor> } {
  const base = initLmWeights(C, 1, 0.2);
  if (kind === 'full') return { model: fullModel(), params: base };
  const adapter = initLoraAdapter(C, LORA, 2);
  // Non-zero B so A gets gradients on the first step too.
  for (const [name, t] of adapter.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    adapter.tensors.set(name, tf.tidy(() => tf.add(t, 0.05)));
    t.dispose();
  }
  return { model: loraModel(base, LORA), params: adapter.tensors };
}

/** Two updates over `batches`; returns the losses and the final parameters as arrays. */
async function run(kind: 'full' | 'lora', batches: MicroBatch[]): Promise<{ losses: number[]; params: Map<string, Float32Array> }> {
  const { model, params: p0 } = setup(kind);
  let params = p0;
  let state = initAdamWState(params);
  const losses: number[] = [];
  for (let k = 0; k < 2; k++) {
    const r = await trainStep({ config: C, model, dropoutRng: null }, params, state, batches, { lr: 1e-2, hyper: defaultAdamW(), clipNorm: 0.5 });
    ({ params, state } = r);
    losses.push(r.loss);
  }
  const out = new Map(await Promise.all([...params].map(async ([n, t]) => [n, (await t.data()) as Float32Array] as const)));
  tf.dispose([...params.values()]);
  disposeAdamWState(state);
  model.dispose();
  return { losses, params: out };
}

const CASES = [
  ['full', false],
  ['lora', true],
] as const;

/** Accumulated gradients as arrays, plus the loss. */
async function gradients(kind: 'full' | 'lora', batches: MicroBatch[]): Promise<{ loss: number; grads: Map<string, Float32Array> }> {
  const { model, params } = setup(kind);
  const acc = await accumulateGradients({ config: C, model, dropoutRng: null }, params, batches);
  const grads = new Map(await Promise.all([...acc.grads].map(async ([n, t]) => [n, (await t.data()) as Float32Array] as const)));
  tf.dispose([...acc.grads.values(), ...params.values()]);
  model.dispose();
  return { loss: acc.loss, grads };
}

function worstDiff(a: Map<string, Float32Array>, b: Map<string, Float32Array>): { diff: number; scale: number } {
  let diff = 0;
  let scale = 0;
  for (const [name, v] of a) {
    const w = b.get(name) as Float32Array;
    v.forEach((x, i) => {
      diff = Math.max(diff, Math.abs(x - (w[i] as number)));
      scale = Math.max(scale, Math.abs(x));
    });
  }
  return { diff, scale };
}

describe('gradient accumulation', () => {
  it.each(CASES)('%s (packing %s): gradient of 2 micro-batches of 2 rows = gradient of 1 batch of 4 rows', async (kind, packing) => {
    const r = rows(packing);
    expect(collate(r.slice(0, 2), 0).scored).not.toBe(collate(r.slice(2), 0).scored);
    const big = await gradients(kind, [collate(r, 0)]);
    const acc = await gradients(kind, [collate(r.slice(0, 2), 0), collate(r.slice(2), 0)]);
    expect(Math.abs(acc.loss - big.loss)).toBeLessThan(1e-5);
    const { diff, scale } = worstDiff(acc.grads, big.grads);
    expect(scale).toBeGreaterThan(1e-3);
    expect(diff / scale).toBeLessThan(1e-5);
  });

  it.each(CASES)('%s (packing %s): two updates (clipped, AdamW) agree up to float error', async (kind, packing) => {
    const r = rows(packing);
    const big = await run(kind, [collate(r, 0)]);
    const acc = await run(kind, [collate(r.slice(0, 2), 0), collate(r.slice(2), 0)]);
    acc.losses.forEach((l, i) => expect(Math.abs(l - (big.losses[i] as number))).toBeLessThan(1e-5));
    expect(worstDiff(acc.params, big.params).diff).toBeLessThan(1e-4); // lr 1e-2: Adam normalises, so float noise → ~1e-5
  });
});
