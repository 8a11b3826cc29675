import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { disposeKvCache, lmForward } from '../../models/lm/forward';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import type { LmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { tinyLm } from './fixtures';
import { collate, nextRow } from './packing';
import type { LmExample } from './packing';
import { trainForward } from './trainForward';

useTensorSuite();

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] as number))), 0);

/** lmForward logits of one sequence, flattened [T·V]. */
async function reference(c: ReturnType<typeof tinyLm>, w: LmWeights, tokens: readonly number[]): Promise<Float32Array> {
  const ids = tf.tensor2d([[...tokens]], undefined, 'int32');
  const res = lmForward(c, w, ids);
  const out = (await res.logits.data()) as Float32Array;
  tf.dispose([ids, res.logits]);
  disposeKvCache(res.cache);
  return out;
}

const EXAMPLES: LmExample[] = [
  { tokens: [3, 17, 42, 8], promptLength: 1 },
  { tokens: [5, 9, 1], promptLength: 1 },
  { tokens: [44, 2, 30, 7, 19], promptLength: 1 },
];

describe('trainForward', () => {
  it.each(['qwen2', 'llama'])('%s: packed row logits equal lmForward on each example alone', async (type) => {
    const c = tinyLm({ model_type: type });
    const w = initLmWeights(c, 3, 0.2);
    let i = 0;
    const reader = { peek: () => EXAMPLES[i % EXAMPLES.length] as LmExample, advance: () => void i++ };
    const mb = collate([nextRow(reader, 8, true), nextRow(reader, 8, true)], 0); // row 0: ex 0+1, row 1: ex 2 + padding
    const logits = trainForward(c, w, mb.ids, mb.layout);
    const got = await logits.data();
    const v = c.vocabSize;
    const t = mb.layout.length;
    const spans: [number, number][] = [[0, 0], [0, 4], [t, 0]]; // row offset (tokens), start in row
    for (const [k, ex] of EXAMPLES.entries()) {
      const [rowOffset, start] = spans[k] as [number, number];
      const from = (rowOffset + start) * v;
      expect(maxDiff(got.subarray(from, from + ex.tokens.length * v), await reference(c, w, ex.tokens))).toBeLessThan(1e-4);
    }
    logits.dispose();
    disposeWeights(w);
  });

  it('has gradients for every weight of a GQA model', () => {
    const c = tinyLm();
    const w = initLmWeights(c, 4, 0.2);
    const mb = collate([nextRow({ peek: () => EXAMPLES[0] as LmExample, advance: () => undefined }, 8, false)], 0);
    const names = [...w.keys()];
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.mean(trainForward(c, new Map(names.map((n, k) => [n, xs[k] as tf.Tensor])), mb.ids, mb.layout)))([...w.values()]);
    expect(grads.map((g) => g.shape)).toEqual([...w.values()].map((x) => x.shape));
    tf.dispose(grads);
    disposeWeights(w);
  });
});
