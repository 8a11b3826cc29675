import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../../testing/tensorSuite';
import type { LmModelType } from '../config';
import { disposeKvCache, lmForward } from '../forward';
import { disposeWeights, initLmWeights } from '../weights';
import { tinyLmConfig } from './fixtures';
import { packContinuations, packPrompt } from './packing';
import { prefixForward } from './prefixForward';

useTensorSuite();

/** Largest element-wise gap of two tensors with the same number of elements (shapes may differ). */
function forwardOf(c: ReturnType<typeof tinyLmConfig>, w: ReadonlyMap<string, tf.Tensor>, seq: number[]): ReturnType<typeof lmForward> {
  const ids = tf.tensor2d([seq], undefined, 'int32');
  const out = lmForward(c, w, ids);
  ids.dispose();
  return out;
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor | undefined): Promise<number> {
  if (b === undefined) return NaN;
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(tf.reshape(a, [-1]), tf.reshape(b, [-1])))));
  const v = (await d.data())[0] as number;
  d.dispose();
  return v;
}

/** kv heads 4 (MHA), 2 and 1 (GQA rep 2 and 4): the query-head grouping must match HF repeat_kv. */
const CASES: [LmModelType, number][] = [['qwen2', 4], ['qwen2', 2], ['llama', 1], ['llama', 2]];

describe.each(CASES)('prefixForward (%s, %i kv heads)', (type, kvHeads) => {
  const c = tinyLmConfig(type, { num_key_value_heads: kvHeads });
  const prompt = [4, 8, 15, 16, 23];

  it('on a prompt alone equals lmForward: logits and cache', async () => {
    const w = initLmWeights(c, 31, 0.3);
    const ref = forwardOf(c, w, prompt);
    const got = prefixForward(c, w, packPrompt(prompt), Int32Array.from(prompt.keys()));
    expect(await maxAbsDiff(got.logits, ref.logits)).toBeLessThan(1e-4);
    for (const [i, kv] of ref.cache.layers.entries()) {
      expect(await maxAbsDiff(kv.k, got.kv.layers[i]?.k)).toBeLessThan(1e-4);
      expect(await maxAbsDiff(kv.v, got.kv.layers[i]?.v)).toBeLessThan(1e-4);
    }
    tf.dispose([ref.logits, got.logits]);
    disposeKvCache(ref.cache);
    disposeKvCache(got.kv);
    disposeWeights(w);
  });

  it('packed continuations see the prefix and only their own earlier tokens', async () => {
    const w = initLmWeights(c, 32, 0.3);
    const cands = [[7, 1, 3], [2, 9], [5, 5, 5, 5]];
    const rows = cands.map((candidate, out) => ({ request: 0, prompt, candidate, out }));
    const head = prefixForward(c, w, packPrompt(prompt), Int32Array.of(prompt.length - 1));
    const packed = packContinuations(prompt.length, rows);
    const got = prefixForward(c, w, packed, Int32Array.from(packed.ids.keys()), { prefix: head.kv });
    let row = 0;
    for (const cand of cands) {
      const seq = [...prompt, ...cand.slice(0, -1)];
      const ref = forwardOf(c, w, seq);
      const want = tf.slice(ref.logits, [0, prompt.length, 0], [1, cand.length - 1, c.vocabSize]);
      const mine = tf.slice(got.logits, [row, 0], [cand.length - 1, c.vocabSize]);
      expect(await maxAbsDiff(mine, want)).toBeLessThan(1e-4);
      row += cand.length - 1;
      tf.dispose([ref.logits, want, mine]);
      disposeKvCache(ref.cache);
    }
    tf.dispose([head.logits, got.logits]);
    disposeKvCache(head.kv);
    disposeKvCache(got.kv);
    disposeWeights(w);
  });
});
