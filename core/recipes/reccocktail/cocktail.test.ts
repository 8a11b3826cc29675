import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTensorSuite } from '../../testing/tensorSuite';
import { parseLmConfig } from '../../models/lm/config';
import { disposeLoraAdapter, initLoraAdapter, loraTensorName, type LoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig, loraScaling } from '../../models/lora/config';
import { projectionPath } from '../../models/lm/weights';
import { RecForgeError } from '../../errors';
import { cocktailAdapter } from './cocktail';

useTensorSuite();

const lm = parseLmConfig({ model_type: 'qwen2', vocab_size: 20, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 1, num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 16 });
const config = defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'down_proj'] });

/** An adapter with random (non-zero) A and B. */
function randomAdapter(seed: number): LoraAdapter {
  const a = initLoraAdapter(lm, config, seed);
  for (const [name, t] of a.tensors) {
    if (name.endsWith('lora_B.weight')) {
      a.tensors.set(name, tf.randomNormal(t.shape, 0, 1, 'float32', seed));
      t.dispose();
    }
  }
  return a;
}

async function delta(a: LoraAdapter, module: string): Promise<Float32Array> {
  const t = tf.tidy(() => tf.mul(tf.matMul(a.tensors.get(loraTensorName(module, 'B')) as tf.Tensor2D, a.tensors.get(loraTensorName(module, 'A')) as tf.Tensor2D), loraScaling(a.config)));
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

describe('LoRA cocktail merge', () => {
  it.each([0, 0.3, 1])('exact: ΔW_m = λ·ΔW_base + (1 − λ)·ΔW_ingredient at λ = %s, as one rank-4 PEFT adapter', async (lambda) => {
    const b = randomAdapter(1);
    const i = randomAdapter(2);
    const m = cocktailAdapter(b, i, lambda, lm.numLayers, 'exact');
    expect(m.config.r).toBe(4);
    for (const module of [projectionPath(0, 'q_proj'), projectionPath(0, 'down_proj')]) {
      const [db, di, dm] = [await delta(b, module), await delta(i, module), await delta(m, module)];
      dm.forEach((x, k) => expect(x).toBeCloseTo(lambda * (db[k] ?? 0) + (1 - lambda) * (di[k] ?? 0), 5));
    }
    [b, i, m].forEach(disposeLoraAdapter);
  });

  it("paper-ab: Eq. (7) interpolates A and B separately (cross terms), equal to either adapter at the ends", async () => {
    const b = randomAdapter(3);
    const i = randomAdapter(4);
    const module = projectionPath(0, 'q_proj');
    const m = cocktailAdapter(b, i, 0.5, lm.numLayers, 'paper-ab');
    const am = (await m.tensors.get(loraTensorName(module, 'A'))?.data()) as Float32Array;
    const ab = (await b.tensors.get(loraTensorName(module, 'A'))?.data()) as Float32Array;
    const ai = (await i.tensors.get(loraTensorName(module, 'A'))?.data()) as Float32Array;
    am.forEach((x, k) => expect(x).toBeCloseTo(0.5 * (ab[k] ?? 0) + 0.5 * (ai[k] ?? 0), 6));
    const one = cocktailAdapter(b, i, 1, lm.numLayers, 'paper-ab');
    expect(Array.from(await delta(one, module))).toEqual(Array.from(await delta(b, module)));
    [b, i, m, one].forEach(disposeLoraAdapter);
  });

  it('rejects λ outside [0, 1] without allocating', () => {
    const b = randomAdapter(5);
    const i = randomAdapter(6);
    expect(() => cocktailAdapter(b, i, 1.2, lm.numLayers)).toThrow(/λ must be in \[0, 1\]/);
    [b, i].forEach(disposeLoraAdapter);
  });
});

describe('per-layer λ', () => {
  it('one λ per decoder layer: a list of equal λs merges exactly like the global λ', async () => {
    const b = randomAdapter(7);
    const i = randomAdapter(8);
    const global = cocktailAdapter(b, i, 0.35, lm.numLayers, 'exact');
    const perLayer = cocktailAdapter(b, i, [0.35], lm.numLayers, 'exact');
    const module = projectionPath(0, 'down_proj');
    expect(Array.from(await delta(perLayer, module))).toEqual(Array.from(await delta(global, module)));
    expect(() => cocktailAdapter(b, i, [1.5], lm.numLayers)).toThrow(/λ must be in \[0, 1\]/);
    [b, i, global, perLayer].forEach(disposeLoraAdapter);
  });
});

describe('per-layer λ of the wrong length', () => {
  const lm2 = parseLmConfig({ model_type: 'qwen2', vocab_size: 20, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 16 });

  it.each([
    ['too short', [0.3]],
    ['too long', [0.3, 0.4, 1, 1, 1]],
    ['empty', []],
  ])('%s: refused before any tensor is built, naming the field and the expected length', (_, lambda) => {
    const [b, i] = [initLoraAdapter(lm2, config, 9), initLoraAdapter(lm2, config, 10)];
    const before = tf.memory().numTensors;
    let error: unknown;
    try {
      cocktailAdapter(b, i, lambda, lm2.numLayers, 'exact');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RecForgeError);
    expect(error).toMatchObject({ code: 'validation', location: { file: 'reccocktail', field: 'layers', expected: '2 λs, one per decoder layer' } });
    expect((error as Error).message).toMatch(`per-layer λ has ${lambda.length} entries, the model has 2 decoder layers`);
    expect(tf.memory().numTensors).toBe(before);
    [b, i].forEach(disposeLoraAdapter);
  });

  it.each(['exact', 'paper-ab'] as const)('%s: a tensor outside any decoder layer under a per-layer λ frees the tensors merged before it', (mode) => {
    const [b, i] = [initLoraAdapter(lm2, config, 11), initLoraAdapter(lm2, config, 12)];
    for (const a of [b, i]) a.tensors.set('base_model.model.lm_head.lora_A.weight', tf.zeros([2, 8]));
    const before = tf.memory().numTensors;
    expect(() => cocktailAdapter(b, i, [0.5, 0.5], lm2.numLayers, mode)).toThrow(/no per-layer λ for base_model\.model\.lm_head/);
    expect(tf.memory().numTensors).toBe(before);
    [b, i].forEach(disposeLoraAdapter);
  });
});
