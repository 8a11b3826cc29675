/**
 * Test helpers for the tabular path: a migrated database (optionally with the proposed v2
 * schema), an import inside a transaction, table counts, and a dataset read back in the shape of
 * prepareDataset's output so both paths can be compared value by value.
 */
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { PreparedDataset } from '../../../data/preprocess/prepare';
import { Db, exec, num, query } from '../db';
import { countRows, migrate } from '../schema';
import { importTabular } from './importTabular';
import { TABULAR_SCHEMA_V2, TABULAR_V2_TABLES } from './schemaV2';
import type { ColumnMapping, TabularFile, TabularImportResult, TabularOptions } from './types';
import { tempDir, type TempDir } from '../../../testing/tempDir';

/**
 * A fresh temp folder and migrated test database around every test of the file; `opened` gets
 * both once they exist (assign them, import a base file…). Both are closed and removed after.
 */
export function useTestDbPerTest(opened: (t: TempDir, db: Db) => void | Promise<void>): void {
  let t: TempDir | null = null;
  let db: Db | null = null;
  beforeEach(async () => {
    t = await tempDir();
    db = await openTestDb(t.dir);
    await opened(t, db);
  });
  afterEach(async () => {
    await db?.close();
    await t?.cleanup();
  });
}

/** Opens `<dir>/<name>.duckdb`, migrated, with the v2 proposal applied unless `v2` is false. */
export async function openTestDb(dir: string, v2 = true, name = 'test'): Promise<Db> {
  const db = await Db.open(path.join(dir, `${name}.duckdb`));
  await db.exclusive(async (c) => {
    await migrate(c);
    if (v2) for (const sql of TABULAR_SCHEMA_V2) await exec(c, sql);
  });
  return db;
}

let seq = 0;

/** Imports files in one transaction, as the workspace would. */
export function runImport(db: Db, files: readonly TabularFile[], mapping: ColumnMapping, options: TabularOptions, datasetId = `ds_t${++seq}`): Promise<TabularImportResult> {
  return db.transaction((c) => importTabular(c, { datasetId, name: 'test', createdAt: new Date().toISOString(), files, mapping, options }));
}

/** Row counts of every table, v2 ones included when present. */
export async function allCounts(db: Db): Promise<Record<string, number>> {
  return db.exclusive(async (c) => {
    const out: Record<string, number> = { ...(await countRows(c)) };
    for (const t of TABULAR_V2_TABLES) {
      const rows = await query(c, `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${t}' AND NOT temporary`);
      if (num(rows[0]?.['n']) > 0) out[t] = num((await query(c, `SELECT count(*) AS n FROM ${t}`))[0]?.['n']);
    }
    return out;
  });
}

/** The stored dataset in prepareDataset's shape (rows sorted by user, ord). */
export async function readBack(db: Db, id: string): Promise<Pick<PreparedDataset, 'users' | 'items'> & { rows: Record<string, number[]> }> {
  return db.exclusive(async (c) => {
    const users = (await query(c, 'SELECT raw_id FROM users WHERE dataset_id = $1 ORDER BY user_idx', [id])).map((r) => String(r['raw_id']));
    const items = (await query(c, 'SELECT raw_id, title, genres, domain FROM items WHERE dataset_id = $1 ORDER BY item_idx', [id])).map((r) => ({
      rawId: String(r['raw_id']),
      title: r['title'] === null ? null : String(r['title']),
      genres: (r['genres'] as string[]).map(String),
      domain: r['domain'] === null ? null : String(r['domain']),
    }));
    const rs = await query(c, 'SELECT user_idx, item_idx, ts, rating, ord FROM interactions WHERE dataset_id = $1 ORDER BY user_idx, ord', [id]);
    const col = (k: string): number[] => rs.map((r) => (r[k] === null ? Number.NaN : num(r[k])));
    return { users, items, rows: { userIdx: col('user_idx'), itemIdx: col('item_idx'), ts: col('ts'), rating: col('rating'), ord: col('ord') } };
  });
}

/** prepareDataset's rows as plain arrays (for toEqual against readBack). */
export function plainRows(p: PreparedDataset): Record<string, number[]> {
  const r = p.rows;
  return { userIdx: [...r.userIdx], itemIdx: [...r.itemIdx], ts: [...r.ts], rating: [...r.rating], ord: [...r.ord] };
}
