/**
 * Sliding-window attention (Mistral's sliding_window, Qwen2's use_sliding_window) is kept, exported
 * and enforced: the engine attends fully, so every context longer than the window is refused.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { tinyJob } from '../../train/lm/fixtures';
import { resolveLmJob } from '../../train/lm/validate';
import { rejectedRecForgeError } from '../../testing/recForgeError';
import { useTensorSuite } from '../../testing/tensorSuite';
import { lmConfigToJson, parseLmConfig } from './config';
import { disposeKvCache, lmForward } from './forward';
import { greedyDecode } from './generate';
import { scoreCandidates } from './scoring';
import { disposeWeights, initLmWeights } from './weights';

useTensorSuite();

const tiny = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model_type: 'mistral', vocab_size: 50, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, ...extra,
});

describe('sliding window in config.json', () => {
  it('keeps mistral sliding_window, reads a missing key as transformers does (4096), and null as none', () => {
    expect(parseLmConfig(tiny({ sliding_window: 16 })).slidingWindow).toBe(16);
    expect(parseLmConfig(tiny()).slidingWindow).toBe(4096);
    expect(parseLmConfig(tiny({ sliding_window: null })).slidingWindow).toBeUndefined();
    expect(parseLmConfig(tiny({ model_type: 'llama', sliding_window: 16 })).slidingWindow).toBeUndefined();
  });

  it('writes sliding_window for mistral, null included, so a reload gets the same attention', () => {
    for (const window of [16, null]) {
      const json = lmConfigToJson(parseLmConfig(tiny({ sliding_window: window })));
      expect(json).toHaveProperty('sliding_window', window);
      expect(parseLmConfig(json).slidingWindow).toBe(window ?? undefined);
    }
    expect(lmConfigToJson(parseLmConfig(tiny({ model_type: 'llama' })))).not.toHaveProperty('sliding_window');
  });

  it('refuses a qwen2 config where some layer slides, located on the field that says so', async () => {
    const err = await rejectedRecForgeError(() => parseLmConfig(tiny({ model_type: 'qwen2', use_sliding_window: true, sliding_window: 16, max_window_layers: 1 })));
    expect(err.location).toMatchObject({ file: 'config.json', field: 'use_sliding_window', expected: expect.any(String) });
    const listed = await rejectedRecForgeError(() => parseLmConfig(tiny({ model_type: 'qwen2', use_sliding_window: true, layer_types: ['full_attention', 'sliding_attention'], sliding_window: 16 })));
    expect(listed.location).toMatchObject({ file: 'config.json', field: 'layer_types' });
  });

  it('accepts qwen2 configs where no layer slides, as transformers builds them: full attention', () => {
    const full = (extra: Record<string, unknown>): number | undefined => parseLmConfig(tiny({ model_type: 'qwen2', sliding_window: 16, ...extra })).slidingWindow;
    expect(full({ use_sliding_window: false })).toBeUndefined();
    expect(full({ use_sliding_window: true, max_window_layers: 2 })).toBeUndefined(); // sliding starts at layer index 2 of 2
    expect(full({ use_sliding_window: true })).toBeUndefined(); // max_window_layers defaults to 28
    expect(full({ use_sliding_window: true, sliding_window: null, max_window_layers: 0 })).toBeUndefined();
    expect(full({ use_sliding_window: true, max_window_layers: 0, layer_types: ['full_attention', 'full_attention'] })).toBeUndefined();
    expect(full({ use_sliding_window: false, layer_types: ['sliding_attention', 'sliding_attention'] })).toBeUndefined(); // no window without the switch
  });
});

describe('contexts beyond the window are refused', () => {
  const config = parseLmConfig(tiny({ sliding_window: 4 }));

  it('a train job whose maxLen exceeds the window, saying why', async () => {
    const err = await rejectedRecForgeError(() => resolveLmJob(tinyJob({ model: config, maxLen: 5 })));
    expect(err.location).toMatchObject({ field: 'maxLen', expected: expect.stringContaining('sliding_window (4)') });
    expect(resolveLmJob(tinyJob({ model: config, maxLen: 4 })).maxLen).toBe(4);
  });

  it('forward passes, cached decoding and candidate scoring past the window', async () => {
    const weights = initLmWeights(config, 1);
    try {
      const ids = tf.tensor2d([[1, 2, 3, 4]], [1, 4], 'int32');
      const four = lmForward(config, weights, ids);
      ids.dispose();
      four.logits.dispose();
      const next = tf.tensor2d([[5]], [1, 1], 'int32');
      const err = await rejectedRecForgeError(() => lmForward(config, weights, next, { cache: four.cache }));
      next.dispose();
      disposeKvCache(four.cache);
      expect(err.location).toMatchObject({ file: 'config.json', field: 'sliding_window' });
      expect((await rejectedRecForgeError(() => greedyDecode(config, weights, [1, 2, 3], { maxNewTokens: 3, stopTokens: [] }))).location).toMatchObject({ field: 'sliding_window' });
      for (const shared of [true, false]) {
        const scoring = await rejectedRecForgeError(() => scoreCandidates(config, weights, [1, 2, 3], [[4, 5, 6], [6]], { shared }));
        expect(scoring.location, `shared ${shared}`).toMatchObject({ field: 'sliding_window' });
      }
      expect(await greedyDecode(config, weights, [1, 2], { maxNewTokens: 3, stopTokens: [] })).toHaveLength(3);
      expect(await scoreCandidates(config, weights, [1, 2, 3], [[4, 5], [6]], { shared: true })).toHaveLength(2);
    } finally {
      disposeWeights(weights);
    }
  });
});
