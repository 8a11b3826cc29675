/**
 * Writes the filtered rows into the workspace tables: remap (rank of the surviving codes, which
 * follow compareRawIds order: users 0-based, items 1-based), chronological `ord` per user (ties
 * by input position), users, items, interactions and the datasets row. Runs on the caller's
 * transaction; nothing is read back into JS except counts and the domain list.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSummary } from '../../../protocol/dto';
import { exec, query } from '../db';
import { ITEM_CODES, USER_CODES } from './encode';
import { EDGES } from './kcore';
import { ROWS, count } from './rows';
import type { RowColumns } from './rows';
import type { SchemaFeatures } from './schemaV2';
import { ITEM_MAP, insertItemTexts, insertItems } from './storeItems';
import type { ColumnMapping } from './types';

/** Result of the remap: counts, and whether idx is just the code (users code - 1, items code). */
export interface Remap {
  readonly users: number;
  readonly items: number;
  /** Every coded id survived, so the ranks equal the codes and the insert needs no map join. */
  readonly identity: boolean;
}

/**
 * Creates tab_umap(code, idx) and tab_imap(code, idx) over the surviving ids: those of the
 * (pruned) edges, or every code when `allCodes` (no row was removed at all), which skips two
 * distinct passes over the edges.
 */
export async function remapRows(c: DuckDBConnection, allCodes: boolean): Promise<Remap> {
  const ids = (col: string): string => (allCodes ? `SELECT code AS ${col} FROM ${col === 'u' ? USER_CODES : ITEM_CODES}` : `SELECT DISTINCT ${col} FROM ${EDGES}`);
  await exec(c, `CREATE OR REPLACE TEMP TABLE tab_umap AS
    SELECT u AS code, CAST(row_number() OVER (ORDER BY u) - 1 AS INTEGER) AS idx FROM (${ids('u')})`);
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${ITEM_MAP} AS
    SELECT i AS code, CAST(row_number() OVER (ORDER BY i) AS INTEGER) AS idx FROM (${ids('i')})`);
  await exec(c, `DROP TABLE IF EXISTS ${EDGES}`);
  const users = await count(c, 'tab_umap');
  const items = await count(c, ITEM_MAP);
  // Codes are 1..N, so N surviving codes are all of them and each rank equals its code.
  const identity = users === (await count(c, USER_CODES)) && items === (await count(c, ITEM_CODES));
  return { users, items, identity };
}

/**
 * Inserts users, items (+ texts), interactions (with ord) of dataset `id`. With `direct` (the
 * k-core removed nothing and the remap is the identity) the rows are written as they are;
 * otherwise the joins with the maps renumber them and drop the rows the k-core removed.
 */
export async function insertRows(c: DuckDBConnection, id: string, cols: RowColumns, f: SchemaFeatures, direct: boolean): Promise<void> {
  await exec(c, `INSERT INTO users SELECT $1, um.idx, uc.raw FROM tab_umap um JOIN ${USER_CODES} uc ON uc.code = um.code`, [id]);
  await insertItems(c, id);
  if (f.itemTexts) await insertItemTexts(c, id);
  const label = f.label ? `, ${cols.label ? 'r.label' : 'NULL'}` : '';
  const [user, item, from] = direct
    ? ['r.u - 1', 'r.i', `${ROWS} r`]
    : ['um.idx', 'im.idx', `${ROWS} r JOIN tab_umap um ON um.code = r.u JOIN ${ITEM_MAP} im ON im.code = r.i`];
  const sql = `INSERT INTO interactions (dataset_id, user_idx, item_idx, ts, rating, ord${f.label ? ', label' : ''})
    SELECT $1, ${user}, ${item}, r.ts, ${cols.rating ? 'r.rating' : 'NULL'}, CAST(row_number() OVER (PARTITION BY r.u ORDER BY r.ts, r.pos) - 1 AS INTEGER)${label}
    FROM ${from}`;
  await exec(c, sql, [id]);
}

/** Distinct item domains of dataset `id`, sorted like the JS path (UTF-16 order). */
export async function datasetDomains(c: DuckDBConnection, id: string): Promise<string[]> {
  const rows = await query(c, 'SELECT DISTINCT domain FROM items WHERE dataset_id = $1 AND domain IS NOT NULL', [id]);
  return rows.map((r) => String(r['domain'])).sort();
}

/** Inserts the datasets row. */
export async function insertSummary(c: DuckDBConnection, s: DatasetSummary): Promise<void> {
  await exec(c, 'INSERT INTO datasets (id, name, format, created_at, users, items, interactions, raw_interactions, domains, lineage) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::JSON, $10::JSON)', [
    s.id, s.name, s.format, s.createdAt, s.users, s.items, s.interactions, s.rawInteractions,
    JSON.stringify(s.domains), JSON.stringify(s.lineage),
  ]);
}

/** Records role → source column (schema v2). */
export async function insertMapping(c: DuckDBConnection, id: string, m: ColumnMapping): Promise<void> {
  const roles: [string, string | undefined][] = [
    ['user', m.user], ['item', m.item], ['timestamp', m.timestamp], ['rating', m.rating], ['label', m.label],
    ['title', m.title], ['genres', m.genres], ['domain', m.domain], ...(m.text ?? []).map((t): [string, string] => ['text', t]),
  ];
  let pos = 0;
  for (const [role, col] of roles) if (col !== undefined) await exec(c, 'INSERT INTO dataset_columns VALUES ($1, $2, $3, $4)', [id, role, col, pos++]);
}

/** Drops every temp table of the tabular path (they would otherwise live as long as the connection). */
export async function dropTemps(c: DuckDBConnection): Promise<void> {
  const views = await query(c, "SELECT view_name FROM duckdb_views() WHERE temporary AND view_name LIKE 'tab\\_%' ESCAPE '\\'");
  for (const r of views) await exec(c, `DROP VIEW IF EXISTS "${String(r['view_name'])}"`);
  const rows = await query(c, "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'tab\\_%' ESCAPE '\\'");
  for (const r of rows) await exec(c, `DROP TABLE IF EXISTS "${String(r['table_name'])}"`);
}

/** Distinct (user, item) pairs of dataset `id` as inserted. */
export async function insertedDistinctPairs(c: DuckDBConnection, id: string): Promise<number> {
  const [r] = await query(c, 'SELECT count(*) AS n FROM (SELECT DISTINCT user_idx, item_idx FROM interactions WHERE dataset_id = $1)', [id]);
  return Number(r?.['n'] ?? 0);
}
