import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { INTEGER, VARCHAR } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { appendRows } from './appendRows';
import { Db, exec, query } from './db';
import type { Workspace } from './workspace';
import type { TempDir } from '../../testing/tempDir';
import { ML100K_DIR, makeCsv, useTempWorkspace, importBaseCsv } from './testWorkspace.testutil';

let t: TempDir;
let ws: Workspace;
useTempWorkspace(async (dir, workspace) => {
  t = dir;
  ws = workspace;
  await importBaseCsv(t, ws);
});

/** Runs a failing import and returns its error after checking that no table changed. */
async function failsAtomically(run: () => Promise<unknown>): Promise<RecForgeError> {
  const before = await ws.tableCounts();
  const datasets = await ws.listDatasets();
  const err = await run().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect(await ws.tableCounts()).toEqual(before);
  expect(await ws.listDatasets()).toEqual(datasets);
  return err as RecForgeError;
}

describe('failed imports leave the workspace exactly as before', () => {
  it('binary garbage as u.data → located binary-content error', async () => {
    const garbage = await t.file('u.data', randomBytes(64 * 1024));
    const item = { name: 'u.item', path: path.join(ML100K_DIR, 'u.item') };
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'movielens-100k', files: [garbage, item], minInteractions: 5 }));
    expect(err.code).toBe('import');
    expect(err.location).toMatchObject({ file: 'u.data', line: expect.any(Number) as number });
  });

  it('binary garbage as CSV → located error', async () => {
    const garbage = await t.file('log.csv', Buffer.concat([Buffer.from('user,item,timestamp\n1,2,3\n'), randomBytes(4096)]));
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'csv', files: [garbage], minInteractions: 1 }));
    expect(err.location).toMatchObject({ file: 'log.csv', expected: 'a UTF-8 text file' });
  });

  it('a CSV with a bad line at line 500 → error at log.csv:500, nothing stored', async () => {
    const lines = makeCsv(100, 10).split('\n');
    lines[499] = 'u1,i1,not-a-time,3,x';
    const csv = await t.file('log.csv', lines.join('\n'));
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'csv', files: [csv], minInteractions: 1 }));
    expect(err.location).toEqual({ file: 'log.csv', line: 500, field: 'timestamp', expected: 'a number' });
  });

  it('wrong columns in the header → located error naming the expected columns', async () => {
    const csv = await t.file('log.csv', 'uid;iid;when\n1;2;3\n');
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'csv', files: [csv], minInteractions: 1 }));
    expect(err.location).toMatchObject({ file: 'log.csv', line: 1, field: 'header' });
    expect(err.location?.expected).toContain('user,item,timestamp');
  });

  it('wrong column count in u.data → located error', async () => {
    const data = await t.file('u.data', '1\t2\t3\t4\n5\t6\t7\n');
    const item = { name: 'u.item', path: path.join(ML100K_DIR, 'u.item') };
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'movielens-100k', files: [data, item], minInteractions: 1 }));
    expect(err.location).toMatchObject({ file: 'u.data', line: 2 });
  });

  it('a missing u.data → located error expecting u.data', async () => {
    const item = { name: 'u.item', path: path.join(ML100K_DIR, 'u.item') };
    const err = await failsAtomically(() => ws.importDataset({ name: 'x', format: 'movielens-100k', files: [item], minInteractions: 5 }));
    expect(err.location).toMatchObject({ file: 'u.data', expected: "'u.data' among the files" });
  });

  it('a k-core that removes everything → import error, nothing stored', async () => {
    const csv = await t.file('tiny.csv', 'user,item,timestamp\na,x,1\n');
    await failsAtomically(() => ws.importDataset({ name: 'x', format: 'csv', files: [csv], minInteractions: 5 }));
  });
});

describe('transactions', () => {
  it('roll back appended and inserted rows when a write fails midway', async () => {
    const db = await Db.open(path.join(t.dir, 'tx.duckdb'));
    await db.exclusive((c) => exec(c, 'CREATE TABLE a (x INTEGER, s VARCHAR)'));
    const failing = db.transaction(async (c) => {
      await exec(c, "INSERT INTO a VALUES (1, 'one')");
      await appendRows(c, 'a', 10_000, [{ type: INTEGER, value: (i) => i }, { type: VARCHAR, value: () => 's' }]);
      expect((await query(c, 'SELECT count(*)::INTEGER AS n FROM a'))[0]?.['n']).toBe(10_001);
      throw new Error('disk full (simulated)');
    });
    await expect(failing).rejects.toThrow('simulated');
    const [row] = await db.exclusive((c) => query(c, 'SELECT count(*)::INTEGER AS n FROM a'));
    expect(row?.['n']).toBe(0);
    await db.close();
  });
});
