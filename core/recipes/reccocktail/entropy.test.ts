import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTensorSuite } from '../../testing/tensorSuite';
import { parseLmConfig } from '../../models/lm/config';
import { initLmWeights } from '../../models/lm/weights';
import { disposeLoraAdapter, initLoraAdapter, loraDelta, type LoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { withFolded } from '../llm/mergedWeights';
import type { RankCase } from '../llm/rankEval';
import { meanEntropy } from './entropy';
import type { EntropyObjective } from './settings';

useTensorSuite();

const lm = parseLmConfig({ model_type: 'qwen2', vocab_size: 24, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 32 });

/** An adapter with a non-zero B, so it changes the model's distributions. */
function randomAdapter(seed: number): LoraAdapter {
  const a = initLoraAdapter(lm, defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj', 'down_proj'] }), seed);
  for (const [name, t] of a.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    a.tensors.set(name, tf.randomNormal(t.shape, 0, 1, 'float32', seed));
    t.dispose();
  }
  return a;
}

const CASES: RankCase[] = [
  { prompt: [3, 4, 5], candidates: [[6, 7], [8], [6, 9]], targetIndex: 0 },
  { prompt: [10, 2], candidates: [[11], [12, 13], [14]], targetIndex: 0 },
];

describe('mean entropy with an unfolded adapter (delta)', () => {
  it.each<EntropyObjective>(['candidate-tokens', 'first-tokens', 'candidates'])('%s: the adapter as a delta measures the same entropy as the adapter folded into the weights', async (objective) => {
    const base = initLmWeights(lm, 1, 0.2);
    const adapter = randomAdapter(2);
    const o = { objective, firstTokens: 2 };
    const folded = await withFolded(base, adapter, (w) => meanEntropy(lm, w, CASES, o));
    const viaDelta = await meanEntropy(lm, base, CASES, o, loraDelta(adapter));
    const baseAlone = await meanEntropy(lm, base, CASES, o);
    expect(Math.abs(folded - baseAlone)).toBeGreaterThan(1e-3); // the adapter matters, so ignoring it would show
    expect(viaDelta).toBeCloseTo(folded, 4);
    disposeLoraAdapter(adapter);
    base.forEach((t) => t.dispose());
  });
});
