/** What the sniffer found (a comment preamble, a day-first date format) reaches the import, not only the preview. */
import { describe, expect, it } from 'vitest';
import type { TempDir } from '../../../testing/tempDir';
import type { Db } from '../db';
import { readBack, runImport, useTestDbPerTest } from './tabular.testutil';

let t: TempDir;
let db: Db;
useTestDbPerTest((opened, openedDb) => {
  t = opened;
  db = openedDb;
});

const mapping = { user: 'user', item: 'item', timestamp: 'timestamp' };
const day = (d: number, h = 0): number => Date.UTC(2020, 0, d, h) / 1000;

describe('sniffed dialect at import', () => {
  it('skips a commented preamble before the header', async () => {
    const file = await t.file('pre.csv', ['# exported 2024', 'user,item,timestamp', 'u0,i0,2020-01-01', 'u0,i1,2020-01-02'].join('\n'));
    const { summary } = await runImport(db, [file], mapping, { minInteractions: 1 });
    expect((await readBack(db, summary.id)).rows.ts).toEqual([day(1), day(2)]);
  });

  it('reads day-first dates in the format the sniffer found', async () => {
    const file = await t.file('eu.csv', ['user,item,timestamp', 'u0,i0,13/01/2020', 'u0,i1,02/01/2020', 'u0,i2,25/01/2020'].join('\n'));
    const { summary } = await runImport(db, [file], mapping, { minInteractions: 1 });
    expect((await readBack(db, summary.id)).rows.ts).toEqual([day(2), day(13), day(25)]);
  });
});
