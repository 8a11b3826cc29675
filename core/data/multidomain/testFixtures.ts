/**
 * A hand-checked two-domain corpus shared by the multidomain tests (kept out of *.test.ts so vitest
 * does not run a suite twice when it is imported). Expected values are derived in the tests.
 */
import { columnsFromEvents } from '../splits/fromEvents';
import type { DomainSource } from './corpus';

/** movies: a m1@1 m2@5 m3@9 | b m2@2 m1@3 — books: a b1@5 b2@7 b3@8 | c b1@1 b2@2 */
export function handCorpusSources(): DomainSource[] {
  const movies: DomainSource = {
    name: 'movies',
    users: ['a', 'b'],
    items: [
      { rawId: 'm1', title: 'Heat', genres: ['Crime'] },
      { rawId: 'm2', title: 'Alien', genres: ['Horror'] },
      { rawId: 'm3', title: 'Up', genres: [] },
    ],
    rows: columnsFromEvents([
      [{ item: 1, ts: 1 }, { item: 2, ts: 5 }, { item: 3, ts: 9 }],
      [{ item: 2, ts: 2 }, { item: 1, ts: 3 }],
    ]),
  };
  const books: DomainSource = {
    name: 'books',
    users: ['a', 'c'],
    items: [
      { rawId: 'b1', title: 'Dune', genres: [] },
      { rawId: 'b2', title: 'Emma', genres: [] },
      { rawId: 'b3', title: 'Heat', genres: [] },
    ],
    rows: columnsFromEvents([
      [{ item: 1, ts: 5 }, { item: 2, ts: 7 }, { item: 3, ts: 8 }],
      [{ item: 1, ts: 1 }, { item: 2, ts: 2 }],
    ]),
  };
  return [movies, books];
}
