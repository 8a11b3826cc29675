import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { codeLmConfig } from './codeLm';
import type { ItemTokenizer } from './codeSequences';
import { tokensOfItem } from './codeSequences';
import { SPECIAL_TOKENS, vocabOf } from './codeVocab';
import { itemTrie, recommendItems } from './constrained';
import { resolveCollisions } from './semanticIds';

useTensorSuite();

const LEVELS = 2;
const CODES = 4;

/** Random item code sets (collisions included), made unique the way a run makes them. */
/** Any prompt after BOS: arbitrary tokens of the vocabulary (not necessarily whole items). */
const history = fc.array(fc.integer({ min: 0, max: 3 + LEVELS * CODES + 11 }), { maxLength: 9 });

const catalogues = fc.array(fc.tuple(fc.integer({ min: 0, max: CODES - 1 }), fc.integer({ min: 0, max: CODES - 1 })), { minLength: 1, maxLength: 12 });

function tokenizerOf(codes: readonly (readonly number[])[]): ItemTokenizer {
  const ids = resolveCollisions(Int32Array.from(codes.flat()), LEVELS, CODES);
  return { ids, vocab: vocabOf({ ...ids, disambiguation: 12 }) };
}

describe('constrained decoding of item IDs', () => {
  it('never returns a code sequence that is not an item', async () => {
    const c = codeLmConfig({ hiddenSize: 16, layers: 1, heads: 2 }, 3 + LEVELS * CODES + 12, 16);
    await fc.assert(
      fc.asyncProperty(catalogues, fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 5 }), history, async (codes, seed, beams, past) => {
        const t = tokenizerOf(codes);
        const items = codes.map((_, i) => i + 1).filter((g) => g % 2 === 1); // a sub-catalogue: even items share prefixes but are not allowed
        const trie = itemTrie(t, items);
        const w = initLmWeights(c, seed, 0.5);
        try {
          const out = await recommendItems(c, w, trie, [SPECIAL_TOKENS.bos, ...past], beams);
          expect(out.length).toBe(Math.min(beams, items.length));
          expect(new Set(out.map((r) => r.item)).size).toBe(out.length);
          for (const r of out) {
            expect(items).toContain(r.item);
            expect(tokensOfItem(t, r.item)).toEqual(r.tokens);
          }
        } finally {
          disposeWeights(w);
        }
      }),
      { numRuns: 30 },
    );
  });
});
