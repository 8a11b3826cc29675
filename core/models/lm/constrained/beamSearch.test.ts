import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../../errors';
import { useTensorSuite } from '../../../testing/tensorSuite';
import type { LmModelType } from '../config';
import { disposeWeights, initLmWeights } from '../weights';
import { tinyLmConfig } from '../scoring/fixtures';
import { scoreCandidates } from '../scoring/scoreCandidates';
import { constrainedBeamSearch, constrainedDecode } from './beamSearch';
import { TokenTrie } from './trie';

useTensorSuite();

const key = (s: readonly number[]): string => s.join(',');

/** Random allowed sets over a 6-token alphabet, so prefixes are shared and some sequences are prefixes of others. */
const allowedSets = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
const cases = fc.record({
  type: fc.constantFrom<LmModelType>('qwen2', 'llama'),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  std: fc.constantFrom(0.2, 0.6),
  prompt: fc.array(fc.integer({ min: 0, max: 39 }), { minLength: 1, maxLength: 5 }),
  allowed: allowedSets,
  beams: fc.integer({ min: 1, max: 4 }),
});

/** Runs `check` against a fresh random tiny model, disposing it even when the check fails. */
async function withModel<T>(type: LmModelType, seed: number, std: number, check: (c: ReturnType<typeof tinyLmConfig>, w: ReturnType<typeof initLmWeights>) => Promise<T>): Promise<T> {
  const c = tinyLmConfig(type);
  const w = initLmWeights(c, seed, std);
  try {
    return await check(c, w);
  } finally {
    disposeWeights(w);
  }
}

describe('constrainedBeamSearch', () => {
  it('returns only allowed sequences, distinct, sorted by score, at most `beams`', async () => {
    await fc.assert(fc.asyncProperty(cases, (k) => withModel(k.type, k.seed, k.std, async (c, w) => {
      const trie = TokenTrie.from(k.allowed);
      const out = await constrainedBeamSearch(c, w, k.prompt, trie, { beams: k.beams, maxLen: 4 });
      expect(out.length).toBeGreaterThan(0);
      expect(out.length).toBeLessThanOrEqual(k.beams);
      for (const r of out) expect(trie.has(r.tokens)).toBe(true);
      expect(new Set(out.map((r) => key(r.tokens))).size).toBe(out.length);
      for (let i = 1; i < out.length; i++) expect(out[i - 1]?.score).toBeGreaterThanOrEqual(out[i]?.score ?? NaN);
    })), { numRuns: 40 });
  });

  it('with beams = |allowed| is exhaustive: top result = argmax of scoreCandidates over the allowed set', async () => {
    await fc.assert(fc.asyncProperty(cases, (k) => withModel(k.type, k.seed, k.std, async (c, w) => {
      const trie = TokenTrie.from(k.allowed);
      const all = trie.sequences();
      const out = await constrainedBeamSearch(c, w, k.prompt, trie, { beams: trie.size, maxLen: 4 });
      const scores = await scoreCandidates(c, w, k.prompt, all, { shared: true });
      expect(new Set(out.map((r) => key(r.tokens)))).toEqual(new Set(all.map(key)));
      const byKey = new Map(all.map((s, i) => [key(s), scores[i]?.logLik ?? NaN]));
      for (const r of out) expect(Math.abs(r.score - (byKey.get(key(r.tokens)) ?? NaN))).toBeLessThan(1e-4);
      const sorted = [...byKey.entries()].sort((a, b) => b[1] - a[1]);
      const [best, second] = sorted;
      const nearTie = second !== undefined && (best?.[1] ?? 0) - second[1] < 1e-4;
      if (!nearTie) expect(key(out[0]?.tokens ?? [])).toBe(best?.[0]);
    })), { numRuns: 40 });
  });

  it('never returns a sequence longer than maxLen', async () => {
    await withModel('qwen2', 3, 0.3, async (c, w) => {
      const trie = TokenTrie.from([[1, 2, 3, 4], [1, 2], [7, 7, 7]]);
      const out = await constrainedBeamSearch(c, w, [5, 6], trie, { beams: 3, maxLen: 2 });
      expect(out.map((r) => r.tokens)).toEqual([[1, 2]]);
      expect(await constrainedBeamSearch(c, w, [5, 6], TokenTrie.from([[1, 2, 3]]), { beams: 2, maxLen: 2 })).toEqual([]);
    });
  });

  it('rejects trie tokens outside the vocabulary without leaking, and bad options', async () => {
    await withModel('llama', 4, 0.3, async (c, w) => {
      await expect(constrainedBeamSearch(c, w, [1], TokenTrie.from([[1, 40]]), { beams: 2, maxLen: 3 })).rejects.toBeInstanceOf(RecForgeError);
      await expect(constrainedBeamSearch(c, w, [1], TokenTrie.from([[1]]), { beams: 0, maxLen: 3 })).rejects.toBeInstanceOf(RecForgeError);
      await expect(constrainedBeamSearch(c, w, [], TokenTrie.from([[1]]), { beams: 1, maxLen: 3 })).rejects.toBeInstanceOf(RecForgeError);
    });
  });
});

describe('constrainedDecode', () => {
  it('follows the most likely allowed token at every step', async () => {
    await withModel('qwen2', 9, 0.5, async (c, w) => {
      const allowed = [[0, 1, 2], [0, 1, 3], [0, 4], [5, 1], [5, 2, 2]];
      const trie = TokenTrie.from(allowed);
      const got = await constrainedDecode(c, w, [8, 9, 10], trie, { maxLen: 4 });
      let prefix: number[] = [];
      while (!trie.has(prefix)) {
        const next = trie.allowed(trie.walk(prefix) as number).map((t) => [...prefix, t]);
        const scores = await scoreCandidates(c, w, [8, 9, 10], next, { shared: true });
        prefix = next[scores.reduce((bi, s, i) => (s.logLik > (scores[bi]?.logLik ?? -Infinity) ? i : bi), 0)] as number[];
      }
      expect(got?.tokens).toEqual(prefix);
    });
  });
});
