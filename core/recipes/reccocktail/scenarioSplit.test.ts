import { describe, expect, it } from 'vitest';
import { demoSources } from '../llm/testData';
import { scenarioSplit } from './scenarioSplit';

const movies = demoSources(300).find((d) => d.name === 'movies');

describe('RecCocktail scenario split: cold validation slice', () => {
  it('sets a seeded share of the new items aside: their cases validate, the other new items are tested, neither is ever trained on', () => {
    if (!movies) throw new Error('the demo has a movies domain');
    const o = { coldFraction: 0.1, coldStrategy: 'random', warmUsers: 60, coldCases: 80, coldValidShare: 0.5, seed: 5 } as const;
    const s = scenarioSplit(movies.rows, movies.items.length, movies.users.length, o);
    const validTargets = new Set(s.coldValid.test.target);
    const testTargets = new Set(s.cold.test.target);
    expect(s.coldValidItems.length).toBe(Math.round(s.coldItems.length * 0.5));
    expect(validTargets.size).toBeGreaterThan(0);
    expect(testTargets.size).toBeGreaterThan(0);
    for (const t of validTargets) expect(s.coldValidItems).toContain(t);
    for (const t of testTargets) expect(s.coldValidItems).not.toContain(t);
    const trained = new Set(s.split.train.values);
    for (const t of s.coldItems) expect(trained.has(t)).toBe(false);
    // The overlap guard sees the validation slice with the tests.
    expect(s.split.test.user.length).toBe(s.warm.test.user.length + s.cold.test.user.length + s.coldValid.test.user.length);
    // Same seed → same slice; share 0 → no slice and the plain first cold cases.
    expect(scenarioSplit(movies.rows, movies.items.length, movies.users.length, o).coldValidItems).toEqual(s.coldValidItems);
    const none = scenarioSplit(movies.rows, movies.items.length, movies.users.length, { ...o, coldValidShare: 0 });
    expect(none.coldValidItems).toEqual([]);
    expect(none.coldValid.test.user.length).toBe(0);
    // Without a slice every new item is a test target, the ones the slice would have kept included.
    expect([...none.cold.test.target].some((t) => s.coldValidItems.includes(t))).toBe(true);
  });

  it('lists every new item, also one whose only case was dropped (no history before it): warm sets never use it as a negative', () => {
    // User 0 meets item 9 first (no warm history: its cold case is dropped); item 9 is the newest item.
    const seqs = [[9, 1, 2], [1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 6], [4, 5, 6, 7], [5, 6, 7, 8]];
    const flat = seqs.flatMap((seq, u) => seq.map((item, k) => ({ u, item, k })));
    const ts = (r: { u: number; k: number }): number => (r.u === 0 ? 1000 + r.k : r.u * 10 + r.k);
    const rows = { userIdx: Int32Array.from(flat, (r) => r.u), itemIdx: Int32Array.from(flat, (r) => r.item), ts: Float64Array.from(flat, ts), ord: Int32Array.from(flat, (r) => r.k) };
    const s = scenarioSplit(rows, 9, seqs.length, { coldFraction: 0.12, coldStrategy: 'newest', warmUsers: 6, coldCases: 10, coldValidShare: 0, seed: 1 });
    expect(s.coldItems).not.toContain(9); // no cold case has it as target
    expect(s.newItems).toContain(9);
    expect(new Set(s.split.train.values).has(9)).toBe(false);
  });
});
