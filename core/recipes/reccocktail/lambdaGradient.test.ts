import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTensorSuite } from '../../testing/tensorSuite';
import { parseLmConfig } from '../../models/lm/config';
import { initLmWeights } from '../../models/lm/weights';
import { disposeLoraAdapter, initLoraAdapter, type LoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { withFolded } from '../llm/mergedWeights';
import { cocktailAdapter } from './cocktail';
import { meanEntropy } from './entropy';
import { continuingTokens, firstTokensEntropyOf, greedyContinuations, type Continuations } from './entropyBatch';
import { lmForward } from '../../models/lm/forward';
import { entropyGradient, optimiseLambda } from './lambdaGradient';
import { mergeTerms, withMergedAt, type MergeTerms } from './mergeTerms';

useTensorSuite();

const lm = parseLmConfig({ model_type: 'qwen2', vocab_size: 24, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 32 });
const config = defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj', 'down_proj'] });
/** Prompts of different lengths, so the batch is right-padded; candidates share prefixes, so constrained steps narrow. */
const PROMPTS = [
  { prompt: [1, 5, 7, 2], candidates: [[3, 4, 5], [3, 6, 2], [9, 9, 1]] },
  { prompt: [3, 9], candidates: [[7, 1, 1], [8, 2, 3]] },
  { prompt: [4, 4, 8, 11, 6, 2, 13], candidates: [[5, 5, 5, 5], [5, 6, 7], [12, 1, 2], [2, 3]] },
  { prompt: [10], candidates: [[11, 12, 13], [11, 12, 14]] },
];
const K = 3;

/** An adapter with random non-zero A and B (a trained one's shape, not PEFT's zero-B start). */
function randomAdapter(seed: number): LoraAdapter {
  const a = initLoraAdapter(lm, config, seed);
  for (const [name, t] of a.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    a.tensors.set(name, tf.randomNormal(t.shape, 0, 0.6, 'float32', seed));
    t.dispose();
  }
  return a;
}

interface Fixture {
  readonly base: Map<string, tf.Tensor>;
  readonly spirit: LoraAdapter;
  readonly ingredient: LoraAdapter;
  readonly terms: MergeTerms;
  dispose(): void;
}

/** A peaked random decoder (std 0.5: entropies well below log V) and two different adapters. */
function fixture(spiritSeed = 1, ingredientSeed = 2): Fixture {
  const base = initLmWeights(lm, 7, 0.5);
  const spirit = randomAdapter(spiritSeed);
  const ingredient = randomAdapter(ingredientSeed);
  const terms = mergeTerms(base, spirit, ingredient, lm.numLayers);
  return { base, spirit, ingredient, terms, dispose: () => (terms.dispose(), disposeLoraAdapter(spirit), disposeLoraAdapter(ingredient), tf.dispose([...base.values()])) };
}

/** Entropy with the tokens held fixed, at per-layer λs. */
function entropyAt(f: Fixture, tokens: Continuations, lambdas: number[], k = K): Promise<number> {
  return withMergedAt(f.base, f.terms, lambdas, async (w) => {
    const h = firstTokensEntropyOf(lm, w, tokens, k);
    const v = (await h.data())[0] ?? NaN;
    h.dispose();
    return v;
  });
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));


describe('entropy-guided λ by gradient', () => {
  it('the batched, right-padded entropy equals the one-prompt-at-a-time KV-cache entropy of the merged adapter', async () => {
    const f = fixture();
    for (const lambda of [0.2, 0.7]) {
      const tokens = await withMergedAt(f.base, f.terms, [lambda, lambda], (w) => greedyContinuations(lm, w, PROMPTS, K));
      const batched = await entropyAt(f, tokens, [lambda, lambda]);
      const merged = cocktailAdapter(f.spirit, f.ingredient, lambda, lm.numLayers, 'exact');
      const cases = PROMPTS.map(({ prompt }) => ({ prompt, candidates: [], targetIndex: 0 }));
      const reference = await withFolded(f.base, merged, (w) => meanEntropy(lm, w, cases, { objective: 'first-tokens', firstTokens: K }));
      disposeLoraAdapter(merged);
      expect(batched).toBeGreaterThan(0.1);
      expect(batched).toBeCloseTo(reference, 4);
    }
    f.dispose();
  });

  it.each([
    ['global', [0.4], false],
    ['per-layer', [-0.8, 1.1], false],
    ['global, within the candidates', [0.4], true],
    ['per-layer, within the candidates', [-0.8, 1.1], true],
  ])('%s: dH/dθ matches central finite differences (tokens held fixed)', async (_scope, theta, constrained) => {
    const f = fixture();
    const r = await entropyGradient(lm, f.base, f.terms, PROMPTS, theta, K, constrained);
    const tokens = await withMergedAt(f.base, f.terms, r.lambdas, (w) => greedyContinuations(lm, w, PROMPTS, K, constrained));
    const eps = 1e-2;
    for (let j = 0; j < theta.length; j++) {
      const at = (d: number): Promise<number> => {
        const th = theta.map((x, i) => (i === j ? x + d : x));
        return entropyAt(f, tokens, th.length === 1 ? [sigmoid(th[0] ?? 0), sigmoid(th[0] ?? 0)] : th.map(sigmoid));
      };
      const fd = ((await at(eps)) - (await at(-eps))) / (2 * eps);
      expect(Math.abs(fd)).toBeGreaterThan(1e-3); // the check is not vacuous: λ moves the entropy
      expect(r.gradient[j]).toBeCloseTo(fd, 3);
    }
    f.dispose();
  });

  it('within the candidates: generation follows one candidate, and each read distribution is renormalised over the tokens continuing some candidate', async () => {
    expect(continuingTokens([[3, 4, 5], [3, 6, 2], [9, 9, 1]], []).sort()).toEqual([3, 9]);
    expect(continuingTokens([[3, 4, 5], [3, 6, 2], [9, 9, 1]], [3]).sort()).toEqual([4, 6]);
    expect(continuingTokens([[3, 4, 5]], [3, 4, 5])).toEqual([]);
    const f = fixture();
    const tokens = await withMergedAt(f.base, f.terms, [0.5, 0.5], (w) => greedyContinuations(lm, w, PROMPTS, K, true));
    tokens.seqs.forEach((seq, i) => {
      const p = PROMPTS[i];
      const generated = seq.slice(p?.prompt.length);
      expect(p?.candidates.some((c) => generated.every((t, j) => c[j] === t))).toBe(true);
    });
    // k = 1 on the first prompt: the entropy of softmax(free log-probs) over its candidates' first tokens {3, 9}.
    const one = { seqs: [PROMPTS[0]?.prompt ?? []], promptLengths: [4], allowed: [[[3, 9]]] };
    const expected = await withMergedAt(f.base, f.terms, [0.5, 0.5], async (w) => {
      // Free log-probabilities after the 4-token prompt (position 3), from a plain forward pass.
      const logp = tf.tidy(() => tf.logSoftmax(tf.reshape(tf.slice(lmForward(lm, w, tf.tensor2d([[1, 5, 7, 2]], undefined, 'int32')).logits, [0, 3, 0], [1, 1, lm.vocabSize]), [lm.vocabSize])));
      const v = await logp.data();
      logp.dispose();
      const [a, b] = [Math.exp(v[3] ?? 0), Math.exp(v[9] ?? 0)];
      const [pa, pb] = [a / (a + b), b / (a + b)];
      return -(pa * Math.log(pa) + pb * Math.log(pb));
    });
    expect(expected).toBeGreaterThan(0.01);
    expect(await entropyAt(f, one, [0.5, 0.5], 1)).toBeCloseTo(expected, 4);
    f.dispose();
  });

  it('a start at an end point (λ = 1, where sigmoid only tends to) is measured too and wins when its entropy is the lowest', async () => {
    const f = fixture();
    const r = await optimiseLambda(lm, f.base, f.terms, PROMPTS, { scope: 'global', steps: 2, lr: 0.3, firstTokens: K, init: 1 });
    expect(r.init).toBe(0.98);
    const tokens = await withMergedAt(f.base, f.terms, [1, 1], (w) => greedyContinuations(lm, w, PROMPTS, K));
    expect(r.start.entropy).toBeCloseTo(await entropyAt(f, tokens, [1, 1]), 6);
    const lowest = Math.min(r.start.entropy, ...r.trace.map((t) => t.entropy));
    expect(r.entropy).toBe(lowest);
    expect(r.lambda === 1).toBe(lowest === r.start.entropy);
    f.dispose();
  });

  it('per-layer θ all equal to a global θ: same λs and entropy, and the per-layer gradients sum to the global one', async () => {
    const f = fixture();
    const global = await entropyGradient(lm, f.base, f.terms, PROMPTS, [0.3], K);
    const perLayer = await entropyGradient(lm, f.base, f.terms, PROMPTS, [0.3, 0.3], K);
    expect(perLayer.lambdas).toEqual(global.lambdas);
    expect(perLayer.entropy).toBeCloseTo(global.entropy, 6);
    expect((perLayer.gradient[0] ?? 0) + (perLayer.gradient[1] ?? 0)).toBeCloseTo(global.gradient[0] ?? NaN, 5);
    f.dispose();
  });

  it('identical adapters: λ changes nothing, so the gradient is zero', async () => {
    const f = fixture(3, 3);
    const r = await entropyGradient(lm, f.base, f.terms, PROMPTS, [-0.5, 0.9], K);
    for (const g of r.gradient) expect(Math.abs(g)).toBeLessThan(1e-5);
    f.dispose();
  });

  it('Adam on θ lowers the entropy from its start, keeps λ in (0, 1), global → one λ, per-layer → one per layer', async () => {
    const f = fixture();
    const o = { steps: 12, lr: 0.3, firstTokens: K, init: 0.5 };
    const global = await optimiseLambda(lm, f.base, f.terms, PROMPTS, { ...o, scope: 'global' });
    expect(typeof global.lambda).toBe('number');
    expect(global.trace).toHaveLength(13);
    expect(global.entropy).toBeLessThan((global.trace[0]?.entropy ?? 0) - 1e-3);
    const perLayer = await optimiseLambda(lm, f.base, f.terms, PROMPTS, { ...o, scope: 'per-layer' });
    expect(Array.isArray(perLayer.lambda) ? perLayer.lambda.length : 0).toBe(2);
    expect(perLayer.entropy).toBeLessThan((perLayer.trace[0]?.entropy ?? 0) - 1e-3);
    for (const l of perLayer.trace.flatMap((s) => s.lambdas)) expect(l > 0 && l < 1).toBe(true);
    f.dispose();
  });
});
