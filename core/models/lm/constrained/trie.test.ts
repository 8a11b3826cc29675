import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../../errors';
import { TokenTrie } from './trie';

describe('TokenTrie', () => {
  it('holds prefixes of other sequences as complete outputs and collapses duplicates', () => {
    const trie = TokenTrie.from([[5, 1], [5, 1, 7], [5, 2], [5, 1]]);
    expect(trie.size).toBe(3);
    expect(trie.allowed(trie.root)).toEqual([5]);
    const n = trie.walk([5, 1]) as number;
    expect(trie.isTerminal(n)).toBe(true);
    expect(trie.allowed(n)).toEqual([7]);
    expect(trie.has([5])).toBe(false);
    expect(trie.has([5, 3])).toBe(false);
    expect(trie.child(trie.root, 4)).toBeUndefined();
  });

  it('rejects empty sequences and negative tokens', () => {
    expect(() => TokenTrie.from([[]])).toThrow(RecForgeError);
    expect(() => TokenTrie.from([[1, -2]])).toThrow(RecForgeError);
  });

  it('round-trips any set of sequences', () => {
    const seqs = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }), { maxLength: 12 });
    fc.assert(fc.property(seqs, (list) => {
      const trie = TokenTrie.from(list);
      const want = new Set(list.map((s) => s.join(',')));
      expect(new Set(trie.sequences().map((s) => s.join(',')))).toEqual(want);
      expect(trie.size).toBe(want.size);
      for (const s of list) expect(trie.has(s)).toBe(true);
    }));
  });
});
