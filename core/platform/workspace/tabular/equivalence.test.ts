import { describe, expect, it } from 'vitest';
import { prepareDataset } from '../../../data/preprocess/prepare';
import type { RawInteraction } from '../../../data/types';
import type { Db } from '../db';
import { plainRows, readBack, runImport, useTestDbPerTest } from './tabular.testutil';
import type { TempDir } from '../../../testing/tempDir';

let t: TempDir;
let db: Db;
useTestDbPerTest(async (opened, openedDb) => {
  t = opened;
  db = openedDb;
});

const MAPPING = { user: 'user', item: 'item', timestamp: 'timestamp', rating: 'rating' } as const;

function toCsv(rows: readonly RawInteraction[]): string {
  const lines = rows.map((r) => `${r.user},${r.item},${r.timestamp},${r.rating ?? ''}`);
  return `user,item,timestamp,rating\n${lines.join('\n')}\n`;
}

/** Imports `rows` through both paths and expects identical datasets and lineage. */
async function expectSameAsJs(rows: RawInteraction[], k: number): Promise<void> {
  const js = prepareDataset({ interactions: rows, items: new Map() }, { minInteractions: k });
  const f = await t.file('rows.csv', toCsv(rows));
  const res = await runImport(db, [f], MAPPING, { minInteractions: k });
  const back = await readBack(db, res.summary.id);
  expect(back.users).toEqual(js.users);
  expect(back.items).toEqual(js.items);
  expect(back.rows).toEqual(plainRows(js));
  expect(res.summary.lineage).toEqual(js.lineage);
  expect([res.summary.users, res.summary.items, res.summary.interactions, res.summary.rawInteractions]).toEqual([js.users.length, js.items.length, js.rows.ord.length, js.rawInteractions]);
}

const rows = (spec: string): RawInteraction[] =>
  spec.split(' ').map((p, i) => {
    const [user = '', item = '', ts = String(i), rating] = p.split(':');
    return rating === undefined ? { user, item, timestamp: Number(ts) } : { user, item, timestamp: Number(ts), rating: Number(rating) };
  });

describe('importTabular equals prepareDataset', () => {
  it('cascading k-core (4 rounds)', async () => {
    await expectSameAsJs(rows('a:x a:y b:x b:y b:w c:w c:z d:y'), 2);
  });
  it('keep-all dedupe counts repeats', async () => {
    await expectSameAsJs(rows('a:x a:x b:x b:y b:y a:y'), 3);
  });
  it('nothing to remove (the view path): repeats counted on the inserted rows', async () => {
    await expectSameAsJs(rows('a:x a:x b:y a:x b:y c:x'), 1);
  });
  it('timestamp ties break by input order, not by item', async () => {
    await expectSameAsJs(rows('u:z:1 u:b:2 u:a:2 v:a:2 v:z:2 v:b:1'), 1);
  });
  it('raw ids sort like compareRawIds (numbers numerically, leading zeros, then text)', async () => {
    await expectSameAsJs(rows('10:b 2:a 007:10 7:2 a:007 B:x 1:B _:1 0:0 00:00'), 1);
  });
  it('ratings, fractional timestamps and missing ratings', async () => {
    await expectSameAsJs([...rows('a:x:1.5:4 a:y:0.25:2.5 b:x:3:1'), { user: 'b', item: 'y', timestamp: 3 }], 1);
  });
});
