import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { useTensorSuite } from '../../testing/tensorSuite';
import { parseLmConfig } from './config';
import { disposeKvCache, lmForward } from './forward';
import { greedyDecode } from './generate';
import { disposeWeights, estimateLmMemory, expectedTensorShapes, initLmWeights, parameterCount } from './weights';

useTensorSuite();

const tinyJson = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model_type: 'qwen2', vocab_size: 50, hidden_size: 32, intermediate_size: 48, num_hidden_layers: 2,
  num_attention_heads: 4, num_key_value_heads: 2, rms_norm_eps: 1e-6, rope_theta: 10000, tie_word_embeddings: true, ...extra,
});

describe('parseLmConfig', () => {
  it('derives head dim, GQA and qwen2 qkv bias', () => {
    const c = parseLmConfig(tinyJson());
    expect(c).toMatchObject({ headDim: 8, numKvHeads: 2, qkvBias: true, oBias: false, tieWordEmbeddings: true });
    expect(parseLmConfig(tinyJson({ model_type: 'llama' })).qkvBias).toBe(false);
  });

  it.each([
    [{ hidden_size: 'big' }, 'hidden_size'],
    [{ model_type: 'gpt2' }, 'model_type'],
    [{ num_key_value_heads: 3 }, 'num_key_value_heads'],
  ])('locates bad field %j', (extra, field) => {
    const err = (() => { try { parseLmConfig(tinyJson(extra)); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: 'config.json', field });
  });

  it('counts parameters and estimates memory', () => {
    const c = parseLmConfig(tinyJson());
    let n = 0;
    for (const s of expectedTensorShapes(c).values()) n += s.reduce((a, b) => a * b, 1);
    expect(parameterCount(c)).toBe(n);
    expect(expectedTensorShapes(c).has('lm_head.weight')).toBe(false);
    expect(expectedTensorShapes(c).get('model.layers.1.self_attn.k_proj.bias')).toEqual([16]);
    const m = estimateLmMemory(c, 1, 16);
    expect(m.weightBytes).toBe(4 * n);
    expect(m.totalBytes).toBe(m.weightBytes + m.kvCacheBytes + m.activationBytes);
  });
});

describe('lmForward', () => {
  it.each(['qwen2', 'llama'])('%s: cached incremental logits equal full-sequence logits', async (type) => {
    const c = parseLmConfig(tinyJson({ model_type: type }));
    const weights = initLmWeights(c, 3, 0.2);
    const seq = [[3, 17, 42, 8, 1, 29], [5, 5, 0, 49, 12, 7]];
    const allIds = tf.tensor2d(seq, undefined, 'int32');
    const full = lmForward(c, weights, allIds);
    allIds.dispose();
    const want = await full.logits.array();
    disposeKvCache(full.cache);
    full.logits.dispose();
    let cache: ReturnType<typeof lmForward>['cache'] | undefined;
    const chunks: [number, number][] = [[0, 3], [3, 4], [4, 5], [5, 6]];
    for (const [from, to] of chunks) {
      const ids = tf.tensor2d(seq.map((r) => r.slice(from, to)), undefined, 'int32');
      const res = lmForward(c, weights, ids, cache ? { cache } : {});
      ids.dispose();
      if (cache) disposeKvCache(cache);
      cache = res.cache;
      const got = await res.logits.array();
      res.logits.dispose();
      for (let b = 0; b < 2; b++) for (let t = from; t < to; t++) {
        const diff = Math.max(...(got[b]?.[t - from] ?? []).map((v, k) => Math.abs(v - (want[b]?.[t]?.[k] ?? NaN))));
        expect(diff).toBeLessThan(1e-4);
      }
    }
    expect(cache?.length).toBe(6);
    if (cache) disposeKvCache(cache);
    disposeWeights(weights);
  });

  it('greedy decode matches argmax of repeated full forwards', async () => {
    const c = parseLmConfig(tinyJson());
    const weights = initLmWeights(c, 5, 0.3);
    const got = await greedyDecode(c, weights, [1, 2, 3], { maxNewTokens: 5, stopTokens: [] });
    const seq = [1, 2, 3];
    for (let i = 0; i < 5; i++) {
      const next = tf.tidy(() => {
        const { logits, cache } = lmForward(c, weights, tf.tensor2d([seq], undefined, 'int32'));
        const out = tf.argMax(logits.reshape([seq.length, c.vocabSize]), 1);
        for (const kv of cache.layers) tf.dispose([kv.k, kv.v]);
        return out;
      });
      seq.push((await next.data())[seq.length - 1] as number);
      next.dispose();
    }
    expect(got).toEqual(seq.slice(3));
    disposeWeights(weights);
  });
});
