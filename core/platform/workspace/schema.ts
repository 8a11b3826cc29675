/**
 * The workspace database schema, versioned in `meta(key, value)` under 'schema_version'.
 * MIGRATIONS[v] upgrades version v to v + 1; opening a workspace applies the missing ones, each
 * in a transaction of its own, and refuses a workspace written by a newer RecForge.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecForgeError } from '../../errors';
import { exec, num, query, withTransaction } from './db';
import { TABULAR_SCHEMA_V2 } from './tabular/schemaV2';

const V1: readonly string[] = [
  `CREATE TABLE datasets (
     id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, format VARCHAR NOT NULL, created_at VARCHAR NOT NULL,
     users INTEGER NOT NULL, items INTEGER NOT NULL, interactions BIGINT NOT NULL, raw_interactions BIGINT NOT NULL,
     domains JSON NOT NULL, lineage JSON NOT NULL)`,
  // ts is DOUBLE: sources use seconds, milliseconds or fractional seconds; only order matters.
  // ord = chronological position within the user (ties broken by input order at import).
  `CREATE TABLE interactions (
     dataset_id VARCHAR NOT NULL, user_idx INTEGER NOT NULL, item_idx INTEGER NOT NULL,
     ts DOUBLE NOT NULL, rating DOUBLE, ord INTEGER NOT NULL)`,
  `CREATE TABLE items (
     dataset_id VARCHAR NOT NULL, item_idx INTEGER NOT NULL, raw_id VARCHAR NOT NULL,
     title VARCHAR, genres VARCHAR[] NOT NULL, domain VARCHAR)`,
  `CREATE TABLE users (dataset_id VARCHAR NOT NULL, user_idx INTEGER NOT NULL, raw_id VARCHAR NOT NULL)`,
  // Runs keep dataset_name so they stay readable after their dataset is removed.
  `CREATE TABLE runs (
     id VARCHAR PRIMARY KEY, dataset_id VARCHAR NOT NULL, dataset_name VARCHAR NOT NULL, model VARCHAR NOT NULL,
     status VARCHAR NOT NULL, created_at VARCHAR NOT NULL, finished_at VARCHAR, config JSON NOT NULL, error VARCHAR)`,
  `CREATE TABLE metrics (run_id VARCHAR NOT NULL, name VARCHAR NOT NULL, k INTEGER, value DOUBLE NOT NULL, protocol JSON NOT NULL)`,
];

/** v2: a run's config holds the recipe's settings groups; SASRec's `model` group is now `modelConfig` (as in its request). */
const V2: readonly string[] = [
  `UPDATE runs SET config = json_object('modelConfig', json_extract(config, '$.model'), 'train', json_extract(config, '$.train'), 'eval', json_extract(config, '$.eval'))
   WHERE model = 'sasrec' AND json_extract(config, '$.model') IS NOT NULL`,
];

/**
 * v3: the user's notes and tags on a run. Defaults are constants only: DuckDB replays a
 * function-valued default (such as []) from the WAL without a catalog and fails to open.
 */
const V3: readonly string[] = [
  "ALTER TABLE runs ADD COLUMN IF NOT EXISTS notes VARCHAR DEFAULT ''",
  'ALTER TABLE runs ADD COLUMN IF NOT EXISTS tags VARCHAR[]',
];

/** v4: the registry of local models (Hugging Face folders) recipes can use. */
const V4: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS models (
     id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, path VARCHAR NOT NULL,
     created_at VARCHAR NOT NULL, info JSON NOT NULL)`,
];

/** v5: labels, arbitrary item text fields and the column mapping of tabular imports. */
const V5: readonly string[] = TABULAR_SCHEMA_V2;

/** v6: evaluation splits defined on datasets (their facts; the data is recomputed from them). */
const V6: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS splits (
     id VARCHAR PRIMARY KEY, dataset_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, params JSON NOT NULL,
     seed BIGINT, counts JSON NOT NULL, candidates JSON, created_at VARCHAR NOT NULL)`,
];

/** v7: each dataset's item text template (null: the default). */
const V7: readonly string[] = ['ALTER TABLE datasets ADD COLUMN IF NOT EXISTS item_template VARCHAR'];

/** v8: which model of a run a metric belongs to, when a run compares several (null: the run's model). */
const V8: readonly string[] = ['ALTER TABLE metrics ADD COLUMN IF NOT EXISTS variant VARCHAR'];

/** v9: where a cancelled or failed run stopped (its last progress; null: finished, or stopped before its first step). */
const V9: readonly string[] = ['ALTER TABLE runs ADD COLUMN IF NOT EXISTS stopped_at JSON'];

const MIGRATIONS: readonly (readonly string[])[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Every data table, e.g. for row-count checks in tests. */
export const TABLES = ['datasets', 'interactions', 'items', 'users', 'runs', 'metrics', 'models', 'item_texts', 'dataset_columns', 'splits'] as const;

/**
 * Brings the database to `target` (SCHEMA_VERSION; tests build older files with a lower one);
 * returns the version found before. Each step is its own transaction with its version bump:
 * DuckDB refuses to commit an UPDATE and an ALTER of the same table together (v2 then v3 on
 * `runs`), and a failed step leaves the file at the last version that completed.
 */
export async function migrate(c: DuckDBConnection, target: number = SCHEMA_VERSION): Promise<number> {
  await exec(c, 'CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
  const rows = await query(c, "SELECT value FROM meta WHERE key = 'schema_version'");
  const found = rows[0] ? num(rows[0]['value']) : 0;
  if (found > SCHEMA_VERSION) {
    throw new RecForgeError('validation', `workspace schema v${found} is newer than this RecForge supports (v${SCHEMA_VERSION})`);
  }
  for (let v = found; v < target; v++) {
    await withTransaction(c, async () => {
      for (const sql of MIGRATIONS[v] ?? []) await exec(c, sql);
      await exec(c, "INSERT OR REPLACE INTO meta VALUES ('schema_version', $1)", [String(v + 1)]);
    });
  }
  // Schema changes go into the database file now, not the WAL: a crash before DuckDB's next
  // automatic checkpoint must never leave DDL to replay (see V3).
  if (found < target) await exec(c, 'CHECKPOINT');
  return found;
}

/** Row count per data table. */
export async function countRows(c: DuckDBConnection): Promise<Record<(typeof TABLES)[number], number>> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL ');
  const rows = await query(c, sql);
  const out = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>;
  for (const r of rows) out[String(r['t']) as (typeof TABLES)[number]] = num(r['n']);
  return out;
}
