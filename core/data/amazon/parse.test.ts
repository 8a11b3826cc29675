import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import type { TextSource } from '../types';
import { parseAmazon } from './parse';

const src = (name: string, ...lines: string[]): TextSource => ({ name, chunks: textChunks(lines.map((l) => `${l}\n`).join('')) });
const j = (o: object): string => JSON.stringify(o);

async function locationOf(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return (err as RecForgeError).location;
}

describe('Amazon 2014', () => {
  const reviews = src('reviews_Toys_5.json',
    j({ reviewerID: 'A1', asin: 'B01', reviewerName: 'x', helpful: [0, 0], reviewText: 'ok', overall: 5.0, summary: 's', unixReviewTime: 1400000000, reviewTime: '05 13, 2014' }),
    '',
    j({ reviewerID: 'A2', asin: 'B02', overall: 3.0, unixReviewTime: 1300000000 }));
  it('reads reviews and Python-literal metadata (categories flattened)', async () => {
    const meta = src('meta_Toys.json',
      "{'asin': 'B01', 'title': 'Girls\\' Tutu', 'price': 3.17, 'related': {'also_bought': ['B02']}, 'categories': [['Toys', 'Dance'], ['Toys', 'Dress']]}",
      "{'asin': 'B02', 'salesRank': {'Toys': 5}, 'imUrl': None}");
    const ds = await parseAmazon({ reviews: [reviews], meta: [meta] }, '2014');
    expect(ds.interactions).toEqual([
      { user: 'A1', item: 'B01', rating: 5, timestamp: 1400000000 },
      { user: 'A2', item: 'B02', rating: 3, timestamp: 1300000000 },
    ]);
    expect(ds.items.get('B01')).toEqual({ title: "Girls' Tutu", genres: ['Toys', 'Dance', 'Dress'] });
    expect(ds.items.has('B02')).toBe(false); // neither title nor category
  });
  it('locates a metadata line that is not a Python literal', async () => {
    const meta = src('meta_Toys.json', "{'asin': 'B01'}", "{'asin': 'B02', 'title': __import__('os')}");
    expect(await locationOf(parseAmazon({ reviews: [reviews], meta: [meta] }, '2014')))
      .toEqual({ file: 'meta_Toys.json', line: 2, expected: 'a Python dict literal per line' });
  });
});

describe('Amazon 2018', () => {
  it('reads JSON metadata; main_cat when category is empty; first duplicate wins', async () => {
    const reviews = src('Toys_5.json', j({ reviewerID: 'A1', asin: 'B01', overall: 4.0, unixReviewTime: 1500000000, verified: true, vote: '2' }));
    const meta = src('meta_Toys.json',
      j({ asin: 'B01', title: 'Kite', category: ['Toys & Games', 'Outdoor'], main_cat: 'Toys & Games' }),
      j({ asin: 'B01', title: 'Duplicate' }),
      j({ asin: 'B03', title: 'Ball', category: [], main_cat: 'Sports' }));
    const ds = await parseAmazon({ reviews: [reviews], meta: [meta] }, '2018');
    expect(ds.interactions).toEqual([{ user: 'A1', item: 'B01', rating: 4, timestamp: 1500000000 }]);
    expect(ds.items.get('B01')).toEqual({ title: 'Kite', genres: ['Toys & Games', 'Outdoor'] });
    expect(ds.items.get('B03')).toEqual({ title: 'Ball', genres: ['Sports'] });
  });
  it('locates a missing field, a bad rating, invalid JSON, an id number above 2^53 and a file without reviews', async () => {
    const run = (...lines: string[]) => locationOf(parseAmazon({ reviews: [src('r.json', ...lines)], meta: [] }, '2018'));
    expect(await run(j({ asin: 'B', overall: 1, unixReviewTime: 1 }))).toEqual({ file: 'r.json', line: 1, field: 'reviewerID', expected: 'a non-empty string id' });
    expect(await run(j({ reviewerID: 'A', asin: 'B', overall: 1, unixReviewTime: 1 }), j({ reviewerID: 'A', asin: 'B', overall: 7, unixReviewTime: 1 })))
      .toMatchObject({ line: 2, field: 'overall' });
    expect(await run('{"reviewerID": "A",')).toEqual({ file: 'r.json', line: 1, expected: 'a JSON object per line' });
    expect(await run('[1, 2]')).toMatchObject({ line: 1, expected: 'a JSON object per line' });
    expect(await run('{"reviewerID": 9007199254740993, "asin": "B", "overall": 1, "unixReviewTime": 1}')).toEqual({
      file: 'r.json', line: 1, field: 'reviewerID', expected: 'a string id; the number 9007199254740992 is above 2^53 and loses digits',
    });
    expect(await run('')).toEqual({ file: 'r.json', expected: 'one JSON review object per line' });
  });
});

describe('Amazon 2023', () => {
  it('keys items by parent_asin and turns millisecond timestamps into seconds', async () => {
    const reviews = src('Toys.jsonl',
      j({ rating: 5.0, title: 't', text: 'x', images: [], asin: 'C1', parent_asin: 'P1', user_id: 'U1', timestamp: 1588687728923, helpful_vote: 0, verified_purchase: true }));
    const meta = src('meta_Toys.jsonl', j({ main_category: 'Toys', title: 'Robot', categories: [], parent_asin: 'P1', average_rating: 4.5 }));
    const ds = await parseAmazon({ reviews: [reviews], meta: [meta] }, '2023');
    expect(ds.interactions).toEqual([{ user: 'U1', item: 'P1', rating: 5, timestamp: 1588687728.923 }]);
    expect(ds.items.get('P1')).toEqual({ title: 'Robot', genres: ['Toys'] });
  });
});
