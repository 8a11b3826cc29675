import { describe, expect, it } from 'vitest';
import { splitByDomain } from './byDomain';

describe('splitByDomain', () => {
  it('re-indexes items and users per domain and keeps each history in order', () => {
    const items = [{ d: 'books' }, { d: 'movies' }, { d: 'books' }];
    const cols = {
      userIdx: Int32Array.from([0, 0, 0, 1, 1]),
      itemIdx: Int32Array.from([2, 1, 3, 3, 2]),
      ts: Float64Array.from([1, 2, 3, 4, 5]),
      ord: Int32Array.from([0, 1, 2, 0, 1]),
      rating: Float64Array.from([5, 4, 3, 2, 1]),
    };
    const [books, movies] = splitByDomain(['ann', 'bob'], items, cols, (it) => it.d);
    expect(books?.name).toBe('books');
    expect(books?.items).toEqual([{ d: 'books' }, { d: 'books' }]);
    expect(books?.users).toEqual(['ann', 'bob']);
    expect(Array.from(books?.rows.userIdx ?? [])).toEqual([0, 0, 1]);
    expect(Array.from(books?.rows.itemIdx ?? [])).toEqual([1, 2, 2]);
    expect(Array.from(books?.rows.ord ?? [])).toEqual([0, 1, 0]);
    expect(Array.from(books?.rows.ts ?? [])).toEqual([2, 3, 4]);
    expect(Array.from(books?.rows.rating ?? [])).toEqual([4, 3, 2]);
    expect(movies?.users).toEqual(['ann', 'bob']);
    expect(Array.from(movies?.rows.itemIdx ?? [])).toEqual([1, 1]);
    expect(Array.from(movies?.rows.userIdx ?? [])).toEqual([0, 1]);
    expect(Array.from(movies?.rows.ord ?? [])).toEqual([0, 0]);
  });
});
