import { describe, expect, it } from 'vitest';
import { buildCorpus, type DomainSource } from '../../data/multidomain/corpus';
import { columnsFromEvents } from '../../data/splits/fromEvents';
import { itemTitle } from './evalCases';

const movies: DomainSource = {
  name: 'movies',
  users: ['a'],
  items: [{ rawId: 'm1', title: 'Heat', genres: [] }, { rawId: 'm2', title: null, genres: ['Drama'] }],
  rows: columnsFromEvents([[{ item: 1, ts: 1 }, { item: 2, ts: 2 }]]),
};

describe('CPRec item text', () => {
  it('an untitled item shows its raw id, with no domain name in the domain-agnostic template', () => {
    const corpus = buildCorpus([movies]);
    expect(itemTitle(corpus, 1)).toBe('Heat');
    expect(itemTitle(corpus, 2)).toBe('m2');
  });
});
