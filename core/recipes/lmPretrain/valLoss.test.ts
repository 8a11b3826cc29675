import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lmForward, disposeKvCache } from '../../models/lm/forward';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { randomExamples, tinyLm } from '../../train/lm/fixtures';
import type { LmExample } from '../../train/lm/packing';
import { evaluateLmLoss } from './valLoss';

useTensorSuite();

/** Mean NLL of every token after the first, one example at a time through the plain forward. */
async function reference(weights: Map<string, tf.Tensor>, examples: readonly LmExample[]): Promise<number> {
  let nll = 0;
  let n = 0;
  for (const ex of examples) {
    const ids = tf.tensor2d([[...ex.tokens]], undefined, 'int32');
    const { logits, cache } = lmForward(tinyLm(), weights, ids);
    const logp = tf.logSoftmax(logits);
    const values = (await logp.array()) as number[][][];
    tf.dispose([ids, logits, logp]);
    disposeKvCache(cache);
    for (let t = 0; t + 1 < ex.tokens.length; t++) nll -= values[0]?.[t]?.[ex.tokens[t + 1] as number] as number;
    n += ex.tokens.length - 1;
  }
  return nll / n;
}

describe('evaluateLmLoss', () => {
  it('is the mean next-token NLL of the held-out examples, whatever the batch size', async () => {
    const weights = initLmWeights(tinyLm(), 4, 0.2);
    const examples = randomExamples(7, 2, 3, 12).map((e) => ({ tokens: e.tokens, promptLength: 0 }));
    const want = await reference(weights, examples);
    for (const batchSize of [1, 3, 8]) {
      const got = await evaluateLmLoss(tinyLm(), weights, examples, { maxLen: 16, batchSize, padId: 0 });
      expect(got?.value).toBeCloseTo(want, 5);
      expect(got?.perplexity).toBeCloseTo(Math.exp(want), 3);
      expect(got?.tokens).toBe(examples.reduce((s, e) => s + e.tokens.length - 1, 0));
    }
    expect(await evaluateLmLoss(tinyLm(), weights, [], { maxLen: 16, batchSize: 2, padId: 0 })).toBeNull();
    disposeWeights(weights);
  });
});
