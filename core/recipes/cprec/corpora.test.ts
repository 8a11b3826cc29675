import { describe, expect, it } from 'vitest';
import { buildCorpus, type DomainSource } from '../../data/multidomain/corpus';
import { phaseLines, targetItemsInLines } from './corpora';

/** One domain whose users' sequences are `seqs` (item indices, 1-based, in time order). */
function domain(name: string, seqs: readonly (readonly number[])[], items: number): DomainSource {
  const flat = seqs.flatMap((seq, u) => seq.map((item, k) => ({ u, item, k })));
  return {
    name,
    users: seqs.map((_, u) => `u${u}`),
    items: Array.from({ length: items }, (_, i) => ({ rawId: `${i + 1}`, title: `${name} ${i + 1}`, genres: [] })),
    rows: { userIdx: Int32Array.from(flat, (r) => r.u), itemIdx: Int32Array.from(flat, (r) => r.item), ts: Float64Array.from(flat, (r) => 100 * r.u + r.k), ord: Int32Array.from(flat, (r) => r.k) },
  };
}

describe('CPRec warm items', () => {
  it('are the target items some pre-training text holds, not every item of the training rows', () => {
    // movies: u0 = 1..5 (a window of 4 keeps 2..5), u1 = [6] alone (a one-item window is dropped).
    const corpus = buildCorpus([domain('books', [[1, 2], [2, 3]], 3), domain('movies', [[1, 2, 3, 4, 5], [6]], 6)]);
    const lines = phaseLines(corpus, 1, 4, { stableData: 'domain-specific', annealData: 'target-specific' });
    const warm = targetItemsInLines(corpus, 'movies', [...lines.stable, ...lines.anneal]);
    expect([...warm].sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
  });
});
