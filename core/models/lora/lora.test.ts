import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { createRng } from '../../train/rng';
import { parseLmConfig } from '../lm/config';
import { disposeKvCache, lmForward } from '../lm/forward';
import type { ProjectionDelta } from '../lm/layers';
import { disposeWeights, initLmWeights } from '../lm/weights';
import type { LmWeights } from '../lm/weights';
import { disposeLoraAdapter, expectedLoraShapes, initLoraAdapter, loraDelta } from './adapter';
import type { LoraAdapter } from './adapter';
import { defaultLoraConfig, loraConfigToJson, loraScaling, parseLoraConfig } from './config';
import { mergeLoraAdapter, unmergeLoraAdapter } from './merge';

useTensorSuite();

const LM = parseLmConfig({ model_type: 'qwen2', vocab_size: 50, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, tie_word_embeddings: true });
const ALL = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'] as const;
const PEFT_FIELDS = 'alpha_pattern auto_mapping base_model_name_or_path bias fan_in_fan_out inference_mode init_lora_weights layer_replication layers_pattern layers_to_transform loftq_config lora_alpha lora_dropout megatron_config megatron_core modules_to_save peft_type r rank_pattern revision target_modules task_type use_dora use_rslora'.split(' ');

/** Adapter with random (non-zero) B so it changes the model. */
function randomAdapter(seed: number, bStd = 0.1): LoraAdapter {
  const adapter = initLoraAdapter(LM, defaultLoraConfig({ r: 4, lora_alpha: 8, target_modules: [...ALL] }), seed);
  const rng = createRng(seed + 1);
  for (const [name, t] of adapter.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    const v = Float32Array.from({ length: t.size }, () => rng.nextNormal() * bStd);
    adapter.tensors.set(name, tf.tensor(v, t.shape));
    t.dispose();
  }
  return adapter;
}

async function logits(weights: LmWeights, delta?: ProjectionDelta): Promise<Float32Array> {
  const ids = tf.tensor2d([[4, 9, 31, 2, 17]], undefined, 'int32');
  const res = lmForward(LM, weights, ids, delta ? { delta } : {});
  const out = (await res.logits.data()) as Float32Array;
  tf.dispose([ids, res.logits]);
  disposeKvCache(res.cache);
  return out;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);

describe('LoRA config', () => {
  it('has every PEFT field, PEFT defaults and scaling', () => {
    const c = defaultLoraConfig({ r: 4, lora_alpha: 16, target_modules: ['q_proj', 'v_proj'], base_model_name_or_path: 'tiny' });
    const json = loraConfigToJson(c);
    expect(Object.keys(json).sort()).toEqual([...PEFT_FIELDS].sort());
    expect(json).toMatchObject({ peft_type: 'LORA', task_type: 'CAUSAL_LM', bias: 'none', fan_in_fan_out: false, use_rslora: false, lora_dropout: 0 });
    expect(loraScaling(c)).toBe(4);
    expect(loraScaling({ ...c, use_rslora: true })).toBe(8);
    expect(parseLoraConfig({ peft_type: 'LORA', target_modules: ['q_proj'] }).r).toBe(8);
  });

  it('rejects unsupported fields with a location', () => {
    const err = (() => { try { parseLoraConfig({ bias: 'all' }); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: 'adapter_config.json', field: 'bias' });
  });

  it.each([
    ['exclude_modules', ['v_proj']],
    ['target_parameters', ['mlp.experts.gate_up_proj']],
    ['lora_bias', true],
    ['use_qalora', true],
    ['alora_invocation_tokens', [5, 6]],
    ['trainable_token_indices', [3]],
  ])('refuses newer PEFT field %s set to %j, located', (field, value) => {
    const err = (() => { try { parseLoraConfig({ target_modules: ['q_proj'], [field]: value }); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: 'adapter_config.json', field, expected: expect.any(String) });
  });

  it('accepts newer PEFT fields at their no-op values and does not write them back', () => {
    const c = parseLoraConfig({ target_modules: ['q_proj'], exclude_modules: null, target_parameters: [], lora_bias: false, use_qalora: false, qalora_group_size: 16, alora_invocation_tokens: null });
    expect(Object.keys(loraConfigToJson(c)).sort()).toEqual([...PEFT_FIELDS].sort());
  });

  it('names and shapes tensors as PEFT does', () => {
    const shapes = expectedLoraShapes(LM, defaultLoraConfig({ r: 4, target_modules: ['q_proj', 'k_proj', 'down_proj'], layers_to_transform: [1] }));
    expect(Object.fromEntries(shapes)).toEqual({
      'base_model.model.model.layers.1.self_attn.q_proj.lora_A.weight': [4, 32],
      'base_model.model.model.layers.1.self_attn.q_proj.lora_B.weight': [32, 4],
      'base_model.model.model.layers.1.self_attn.k_proj.lora_A.weight': [4, 32],
      'base_model.model.model.layers.1.self_attn.k_proj.lora_B.weight': [16, 4],
      'base_model.model.model.layers.1.mlp.down_proj.lora_A.weight': [4, 48],
      'base_model.model.model.layers.1.mlp.down_proj.lora_B.weight': [32, 4],
    });
  });
});

describe('LoRA forward and merge', () => {
  it('a fresh adapter (B = 0) leaves logits unchanged', async () => {
    const weights = initLmWeights(LM, 1, 0.2);
    const adapter = initLoraAdapter(LM, defaultLoraConfig({ target_modules: [...ALL] }), 2);
    expect(maxDiff(await logits(weights), await logits(weights, loraDelta(adapter)))).toBe(0);
    disposeLoraAdapter(adapter);
    disposeWeights(weights);
  });

  it('merged logits equal adapter-forward logits; unmerge restores the base', async () => {
    const weights = initLmWeights(LM, 1, 0.2);
    const base = new Map(await Promise.all([...weights].map(async ([n, t]) => [n, await t.data()] as const)));
    const adapter = randomAdapter(3);
    const withAdapter = await logits(weights, loraDelta(adapter));
    expect(maxDiff(withAdapter, await logits(weights))).toBeGreaterThan(1e-3);
    await mergeLoraAdapter(weights, adapter);
    expect(maxDiff(await logits(weights), withAdapter)).toBeLessThan(1e-4);
    await unmergeLoraAdapter(weights, adapter);
    for (const [name, t] of weights) expect(maxDiff(await t.data(), base.get(name) ?? [])).toBeLessThan(1e-6);
    disposeLoraAdapter(adapter);
    disposeWeights(weights);
  });

  it('safe merge: a non-finite result changes nothing', async () => {
    const weights = initLmWeights(LM, 1, 0.2);
    const adapter = randomAdapter(4);
    const name = 'base_model.model.model.layers.1.mlp.up_proj.lora_B.weight';
    const b = adapter.tensors.get(name);
    adapter.tensors.set(name, tf.fill(b?.shape ?? [1], Number.POSITIVE_INFINITY));
    b?.dispose();
    const before = new Map(weights);
    await expect(mergeLoraAdapter(weights, adapter)).rejects.toThrow(/non-finite/);
    for (const [n, t] of weights) expect(t).toBe(before.get(n));
    disposeLoraAdapter(adapter);
    disposeWeights(weights);
  });
});
