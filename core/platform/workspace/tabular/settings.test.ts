import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { exec, query } from '../db';
import type { TempDir } from '../../../testing/tempDir';
import { makeCsv } from '../testWorkspace.testutil';
import { withSetting } from './settings';
import { runImport, useTestDbPerTest } from './tabular.testutil';

let t: TempDir;
let db: Db;
useTestDbPerTest((opened, openedDb) => {
  t = opened;
  db = openedDb;
});

const insertionOrder = (): Promise<unknown> =>
  db.exclusive(async (c) => (await query(c, "SELECT current_setting('preserve_insertion_order') AS v"))[0]?.['v']);

describe('DuckDB settings around an import', () => {
  it('a statement failing inside a transaction surfaces its own error, not the aborted restore', async () => {
    const failing = db.transaction((c) => withSetting(c, 'preserve_insertion_order', 'false', () => exec(c, "SELECT CAST('x' AS INTEGER)")));
    await expect(failing).rejects.toThrow(/Could not convert string 'x'/);
  });

  it('an import stages in input order even when a failed import left the setting off', async () => {
    await db.exclusive((c) => exec(c, 'SET preserve_insertion_order = false'));
    await runImport(db, [await t.file('a.csv', makeCsv(4, 3))], { user: 'user', item: 'item', timestamp: 'timestamp' }, { minInteractions: 1 });
    expect(await insertionOrder()).toBe(true);
  });
});
