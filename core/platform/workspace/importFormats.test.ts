import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import type { ParsedFormat } from './importSources';
import { amazonFiles, distinctItems, fixtureRows, mlCsvFiles, ml1mFiles, recboleFiles, replaceLine } from './formatFixtures.testutil';
import type { Workspace } from './workspace';
import type { TempDir } from '../../testing/tempDir';
import { useTempWorkspace, importBaseCsv } from './testWorkspace.testutil';

let t: TempDir;
let ws: Workspace;
useTempWorkspace(async (dir, workspace) => {
  t = dir;
  ws = workspace;
  await importBaseCsv(t, ws);
});

const rows = fixtureRows(40, 9);
const ITEMS = distinctItems(rows).length;
type File = { name: string; path: string };

/** Imports with k = 1 and checks raw and stored counts against the generated table. */
async function importsExactly(format: ParsedFormat, files: File[]): Promise<void> {
  const before = await ws.tableCounts();
  const ds = await ws.importDataset({ name: format, format, files, minInteractions: 1 });
  expect(ds).toMatchObject({ format, users: 40, items: ITEMS, interactions: rows.length, rawInteractions: rows.length });
  expect(await ws.tableCounts()).toMatchObject({ datasets: before.datasets + 1, interactions: before.interactions + rows.length, items: before.items + ITEMS });
  const loo = await ws.loadLeaveOneOut(ds.id);
  expect(loo.train.values.length).toBe(rows.length - 2 * 40);
}

/** Runs a failing import; checks nothing changed and returns the error's location. */
async function failsAtomically(format: ParsedFormat, files: File[]): Promise<unknown> {
  const before = await ws.tableCounts();
  const datasets = await ws.listDatasets();
  const err = await ws.importDataset({ name: 'bad', format, files, minInteractions: 1 }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect((err as RecForgeError).code).toBe('import');
  expect(await ws.tableCounts()).toEqual(before);
  expect(await ws.listDatasets()).toEqual(datasets);
  return (err as RecForgeError).location;
}

describe('MovieLens 1M and latest', () => {
  const ml1m = ml1mFiles(rows);
  const csv = mlCsvFiles(rows);
  it('imports ml-1m .dat files (movies in latin1) with exact counts', async () => {
    await importsExactly('movielens-1m', [await t.file('ratings.dat', ml1m.ratings), await t.file('movies.dat', Buffer.from(ml1m.movies, 'latin1'))]);
  });
  it('imports ml-latest CSVs with exact counts', async () => {
    await importsExactly('movielens-csv', [await t.file('movies.csv', csv.movies), await t.file('ratings.csv', csv.ratings)]);
  });
  it('a malformed ratings.dat line → located error, workspace unchanged', async () => {
    const bad = await t.file('ratings.dat', replaceLine(ml1m.ratings, 77, '5::6::7::8'));
    expect(await failsAtomically('movielens-1m', [bad])).toEqual({ file: 'ratings.dat', line: 77, field: 'Rating', expected: 'an integer 1..5' });
  });
  it('a malformed ratings.csv line and a missing ratings.csv → located errors', async () => {
    const bad = await t.file('ratings.csv', replaceLine(csv.ratings, 120, '1,2,3.5,tomorrow'));
    expect(await failsAtomically('movielens-csv', [bad])).toEqual({ file: 'ratings.csv', line: 120, field: 'timestamp', expected: 'an integer' });
    const movies = await t.file('movies.csv', csv.movies);
    expect(await failsAtomically('movielens-csv', [movies])).toMatchObject({ file: 'ratings.csv', expected: "'ratings.csv' among the files" });
  });
});

describe('Amazon reviews', () => {
  for (const edition of ['2014', '2018', '2023'] as const) {
    const files = amazonFiles(rows, edition);
    it(`imports ${edition} reviews (gzipped) and metadata with exact counts`, async () => {
      const reviews = await t.file(`reviews_Toys_${edition}.json.gz`, gzipSync(Buffer.from(files.reviews)));
      await importsExactly(`amazon-${edition}`, [await t.file(`meta_Toys_${edition}.json`, files.meta), reviews]);
    });
  }
  it('a malformed 2014 metadata line → located error, workspace unchanged', async () => {
    const files = amazonFiles(rows, '2014');
    const meta = await t.file('meta_Toys.json', replaceLine(files.meta, 3, "{'asin': 'B3', 'title': open('x')}"));
    const loc = await failsAtomically('amazon-2014', [await t.file('reviews_Toys.json', files.reviews), meta]);
    expect(loc).toEqual({ file: 'meta_Toys.json', line: 3, expected: 'a Python dict literal per line' });
  });
  it('a 2023 review without parent_asin → located error; metadata alone is refused', async () => {
    const files = amazonFiles(rows, '2023');
    const bad = await t.file('Toys.jsonl', replaceLine(files.reviews, 200, JSON.stringify({ user_id: 'U1', rating: 3, timestamp: 1 })));
    expect(await failsAtomically('amazon-2023', [bad])).toEqual({ file: 'Toys.jsonl', line: 200, field: 'parent_asin', expected: 'a non-empty string id' });
    const meta = await t.file('meta_Toys.jsonl', files.meta);
    expect(await failsAtomically('amazon-2023', [meta])).toMatchObject({ file: 'meta_Toys.jsonl' });
  });
});

describe('RecBole atomic files', () => {
  const files = recboleFiles(rows);
  it('imports .inter and .item with exact counts', async () => {
    await importsExactly('recbole', [await t.file('toy.item', files.item), await t.file('toy.inter', files.inter)]);
  });
  it('a bad header type and a bad float cell → located errors, workspace unchanged', async () => {
    const badHeader = await t.file('h.inter', replaceLine(files.inter, 1, 'user_id:token\titem_id:token\trating:number\ttimestamp:float'));
    expect(await failsAtomically('recbole', [badHeader])).toMatchObject({ file: 'h.inter', line: 1, field: 'rating' });
    const badCell = await t.file('c.inter', replaceLine(files.inter, 50, '1\t2\t3\tnoon'));
    expect(await failsAtomically('recbole', [badCell])).toEqual({ file: 'c.inter', line: 50, field: 'timestamp', expected: 'a number' });
    expect(await failsAtomically('recbole', [await t.file('only.item', files.item)])).toMatchObject({ expected: 'a .inter file among the files' });
  });
});
