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
});
