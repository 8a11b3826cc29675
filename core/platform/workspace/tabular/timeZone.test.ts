/** Stored times do not depend on the machine's time zone, whatever the sniffer made of the column. */
import { describe, expect, it } from 'vitest';
import type { TempDir } from '../../../testing/tempDir';
import { exec, type Db } from '../db';
import { readBack, runImport, useTestDbPerTest } from './tabular.testutil';

let t: TempDir;
let db: Db;
useTestDbPerTest((opened, openedDb) => {
  t = opened;
  db = openedDb;
});

async function timesIn(zone: string, csv: string): Promise<number[]> {
  await db.exclusive((c) => exec(c, `SET TimeZone = '${zone}'`));
  const file = await t.file(`times-${zone.replace('/', '-')}.csv`, csv);
  const { summary } = await runImport(db, [file], { user: 'user', item: 'item', timestamp: 'timestamp' }, { minInteractions: 1 });
  return (await readBack(db, summary.id)).rows.ts ?? [];
}

describe('naive date-times next to ones with an offset', () => {
  it('read as UTC in every session time zone', async () => {
    // One offset value makes DuckDB's sniffer type the whole column as TIMESTAMP WITH TIME ZONE.
    const csv = ['user,item,timestamp', 'u0,i0,2020-01-01 10:00:00', 'u0,i1,2020-01-01T12:30:00+02:00', 'u0,i2,2020-01-01 11:00:00'].join('\n');
    const expected = [Date.UTC(2020, 0, 1, 10), Date.UTC(2020, 0, 1, 10, 30), Date.UTC(2020, 0, 1, 11)].map((ms) => ms / 1000);
    for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York']) expect(await timesIn(zone, csv)).toEqual(expected);
  });
});
