import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../../errors';
import { useTensorSuite } from '../../../testing/tensorSuite';
import { createRng } from '../../../train/rng';
import { disposeLoraAdapter, initLoraAdapter, loraDelta } from '../../lora/adapter';
import { defaultLoraConfig } from '../../lora/config';
import type { LmModelType } from '../config';
import { disposeKvCache, lmForward } from '../forward';
import { disposeWeights, initLmWeights } from '../weights';
import { tinyLmConfig } from './fixtures';
import { scoreCandidates, scoreCandidateSets } from './scoreCandidates';
import type { CandidateScore } from './types';

useTensorSuite();

const TYPES: LmModelType[] = ['qwen2', 'llama'];
const PROMPT = [3, 17, 22, 8, 1, 29, 4];
/** Lengths 1..7, not sorted, so every padded batch mixes lengths. */
const CANDIDATES = [[5], [9, 2, 33, 7, 1, 0, 12], [14, 14], [39, 1, 2, 3], [6, 7, 8], [21], [30, 31, 32, 33, 34], [2, 2, 2, 2, 2, 2], [11, 10]];

function maxDiff(a: readonly CandidateScore[], b: readonly CandidateScore[]): number {
  expect(a.map((s) => s.tokens)).toEqual(b.map((s) => s.tokens));
  return Math.max(...a.map((s, i) => Math.abs(s.logLik - (b[i]?.logLik ?? NaN))));
}

/** Independent reference: one unpadded forward per candidate, log-softmax, sum — no shared code paths. */
async function referenceLogLik(type: LmModelType, weights: ReadonlyMap<string, tf.Tensor>, prompt: number[], cand: number[]): Promise<number> {
  const c = tinyLmConfig(type);
  const seq = [...prompt, ...cand];
  const lp = tf.tidy(() => {
    const { logits, cache } = lmForward(c, weights, tf.tensor2d([seq], undefined, 'int32'));
    disposeKvCache(cache);
    return tf.logSoftmax(tf.reshape(logits, [seq.length, c.vocabSize]));
  });
  const rows = (await lp.array()) as number[][];
  lp.dispose();
  return cand.reduce((sum, tok, j) => sum + (rows[prompt.length + j - 1]?.[tok] ?? NaN), 0);
}

describe.each(TYPES)('scoreCandidates (%s)', (type) => {
  const c = tinyLmConfig(type);

  it('shared and naive agree within 1e-4 with batchSize < candidates, and match an unpadded reference', async () => {
    const w = initLmWeights(c, 11, 0.2);
    const shared = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: true, batchSize: 4 });
    const naive = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: false, batchSize: 4 });
    expect(maxDiff(shared, naive)).toBeLessThan(1e-4);
    for (const [k, cand] of CANDIDATES.entries()) {
      expect(Math.abs((shared[k]?.logLik ?? NaN) - (await referenceLogLik(type, w, PROMPT, cand)))).toBeLessThan(1e-4);
    }
    disposeWeights(w);
  });

  it('padding does not change scores: one big padded batch equals one candidate per batch', async () => {
    const w = initLmWeights(c, 12, 0.2);
    for (const shared of [true, false]) {
      const padded = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared, batchSize: CANDIDATES.length });
      const alone = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared, batchSize: 1 });
      expect(maxDiff(padded, alone)).toBeLessThan(1e-4);
    }
    disposeWeights(w);
  });

  it('reports token counts and the per-token mean', async () => {
    const w = initLmWeights(c, 13, 0.2);
    const scores = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: true });
    scores.forEach((s, k) => {
      expect(s.tokens).toBe(CANDIDATES[k]?.length);
      expect(s.logLik).toBeLessThan(0);
      expect(s.meanLogLik).toBeCloseTo(s.logLik / s.tokens, 10);
    });
    disposeWeights(w);
  });

  it('applies a LoRA delta the same way in both modes', async () => {
    const w = initLmWeights(c, 14, 0.2);
    const adapter = initLoraAdapter(c, defaultLoraConfig({ r: 4, target_modules: ['q_proj', 'v_proj', 'up_proj'] }), 1);
    const rng = createRng(2);
    for (const [name, t] of adapter.tensors) {
      if (!name.endsWith('lora_B.weight')) continue;
      adapter.tensors.set(name, tf.tensor2d(Float32Array.from({ length: t.size }, () => rng.nextNormal() * 0.3), t.shape as [number, number]));
      t.dispose();
    }
    const delta = loraDelta(adapter);
    const base = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: true });
    const shared = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: true, batchSize: 5, delta });
    const naive = await scoreCandidates(c, w, PROMPT, CANDIDATES, { shared: false, batchSize: 5, delta });
    expect(maxDiff(shared, naive)).toBeLessThan(1e-4);
    expect(maxDiff(shared, base)).toBeGreaterThan(1e-3);
    disposeLoraAdapter(adapter);
    disposeWeights(w);
  });
});

describe('scoreCandidateSets', () => {
  it('batches several prompts (equal and different lengths) and equals per-prompt scoring', async () => {
    const c = tinyLmConfig('qwen2');
    const w = initLmWeights(c, 21, 0.2);
    const requests = [
      { prompt: [1, 2, 3, 4], candidates: [[5, 6], [7], [8, 9, 10]] },
      { prompt: [9, 9], candidates: [[1, 1, 1], [2]] },
      { prompt: [4, 3, 2, 1], candidates: [[6, 5, 4, 3], [0]] },
      { prompt: [30, 31, 32, 33], candidates: [[12]] },
    ];
    const shared = await scoreCandidateSets(c, w, requests, { shared: true, batchSize: 3 });
    const naive = await scoreCandidateSets(c, w, requests, { shared: false, batchSize: 3 });
    for (const [i, req] of requests.entries()) {
      const alone = await scoreCandidates(c, w, req.prompt, req.candidates, { shared: false, batchSize: 1 });
      expect(maxDiff(shared[i] ?? [], alone)).toBeLessThan(1e-4);
      expect(maxDiff(naive[i] ?? [], alone)).toBeLessThan(1e-4);
    }
    disposeWeights(w);
  });

  it.each([
    ['an empty candidate', [1, 2], [[]], {}],
    ['an out-of-vocab token', [1, 2], [[40]], {}],
    ['an empty prompt', [], [[1]], {}],
    ['batchSize 0', [1, 2], [[1]], { batchSize: 0 }],
  ])('rejects %s', async (_what, prompt: number[], candidates: number[][], extra) => {
    const c = tinyLmConfig('llama');
    const w = initLmWeights(c, 1);
    await expect(scoreCandidates(c, w, prompt, candidates, { shared: true, ...extra })).rejects.toBeInstanceOf(RecForgeError);
    disposeWeights(w);
  });
});
