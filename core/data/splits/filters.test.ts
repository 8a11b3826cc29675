import { describe, expect, it } from 'vitest';
import { assertChronological } from './columns';
import { dropLastPerUser, filterByRating, truncateHistories } from './filters';
import { columnsFromEvents } from './fromEvents';

const cols = columnsFromEvents([
  [
    { item: 1, ts: 1, rating: 5 },
    { item: 2, ts: 2, rating: 2 },
    { item: 3, ts: 3 },
    { item: 4, ts: 4, rating: 4 },
  ],
  [{ item: 2, ts: 9, rating: 3 }],
]);

describe('filterByRating', () => {
  it('keeps ratings ≥ threshold, drops unrated unless asked, and renumbers ord', () => {
    const { rows, step } = filterByRating(cols, 4);
    expect([...rows.itemIdx]).toEqual([1, 4]);
    expect([...rows.ord]).toEqual([0, 1]);
    expect(step).toEqual({ step: 'rating-threshold', params: { minRating: 4, keepUnrated: false }, before: 5, after: 2 });
    const withUnrated = filterByRating(cols, 3, true).rows;
    expect([...withUnrated.itemIdx]).toEqual([1, 3, 4, 2]);
    expect([...withUnrated.userIdx]).toEqual([0, 0, 0, 1]);
    assertChronological(withUnrated);
  });

  it('refuses columns without ratings', () => {
    const { rating: _r, ...noRating } = cols;
    expect(() => filterByRating(noRating, 3)).toThrow(/rating column/);
  });
});

describe('truncateHistories', () => {
  it('keeps the most recent N per user', () => {
    const { rows, step } = truncateHistories(cols, 2);
    expect([...rows.itemIdx]).toEqual([3, 4, 2]);
    expect([...rows.ord]).toEqual([0, 1, 0]);
    expect([...rows.ts]).toEqual([3, 4, 9]);
    expect(step.before).toBe(5);
    expect(step.after).toBe(3);
  });

  it('rejects a non-positive length and unsorted input', () => {
    expect(() => truncateHistories(cols, 0)).toThrow(/positive integer/);
    const bad = { ...cols, ord: Int32Array.from([0, 2, 1, 3, 0]) };
    expect(() => truncateHistories(bad, 2)).toThrow(/ord/);
  });
});

describe('dropLastPerUser', () => {
  it('removes the held-out tail of users long enough to have one', () => {
    const { rows, step } = dropLastPerUser(cols, 2);
    expect([...rows.itemIdx]).toEqual([1, 2, 2]);
    expect(step).toEqual({ step: 'hold-out-last', params: { k: 2 }, before: 5, after: 3 });
  });
});
