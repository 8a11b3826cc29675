/**
 * The working set of interactions, `tab_rows(pos, u, i, ts, rating, label)` with integer codes,
 * and the row filters that run before the k-core: rating threshold, duplicate policy, maximum
 * history. Each filter rewrites the table in one statement and returns its lineage step.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineageStep } from '../../../protocol/dto';
import { exec, num, query } from '../db';
import { ITEM_CODES, USER_CODES } from './encode';
import { STAGE } from './stage';
import type { ColumnMapping, DedupePolicy, TabularOptions } from './types';

/** The working table. */
export const ROWS = 'tab_rows';

/** Row count of a table. */
export async function count(c: DuckDBConnection, table: string): Promise<number> {
  return num((await query(c, `SELECT count(*) AS n FROM ${table}`))[0]?.['n']);
}

/** Replaces tab_rows by `select` (which reads tab_rows); returns the new row count. */
async function replaceRows(c: DuckDBConnection, select: string): Promise<number> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE tab_rows_next AS ${select}`);
  await exec(c, `DROP TABLE ${ROWS}`);
  await exec(c, `ALTER TABLE tab_rows_next RENAME TO ${ROWS}`);
  return count(c, ROWS);
}

/** Optional columns of tab_rows (absent ones are not stored: less memory per row). */
export interface RowColumns {
  readonly rating: boolean;
  readonly label: boolean;
}

/**
 * Builds tab_rows from the good staged rows, applying the rating threshold when asked. As a
 * 'view' (when no filter can remove a row) nothing is materialised: the insert reads the staged
 * join once, and the stage must stay until then.
 */
export async function buildRows(c: DuckDBConnection, m: ColumnMapping, opts: TabularOptions, as: 'table' | 'view' = 'table'): Promise<{ raw: number; step: LineageStep | null; cols: RowColumns }> {
  const t = opts.ratingThreshold;
  const cols = { rating: m.rating !== undefined, label: m.label !== undefined || t?.mode === 'label' };
  const label = t?.mode === 'label' ? `CAST(s.rating >= ${Number(t.min)} AS DOUBLE)` : 's.label';
  const keep = t?.mode === 'filter' ? `AND s.rating >= ${Number(t.min)}` : '';
  await exec(c, `CREATE OR REPLACE TEMP ${as === 'view' ? 'VIEW' : 'TABLE'} ${ROWS} AS
    SELECT s.rowid AS pos, uc.code AS u, ic.code AS i, s.ts${cols.rating ? ', s.rating' : ''}${cols.label ? `, ${label} AS label` : ''}
    FROM ${STAGE} s JOIN ${USER_CODES} uc ON uc.raw = s."user" JOIN ${ITEM_CODES} ic ON ic.raw = s.item
    WHERE s.bad IS NULL ${keep}`);
  // The good rows, from the small code table rather than another scan of the stage.
  const [r] = await query(c, `SELECT COALESCE(sum(n), 0) AS n FROM ${USER_CODES}`);
  const raw = num(r?.['n']);
  if (!t) return { raw, step: null, cols };
  const after = t.mode === 'label' ? raw : await count(c, ROWS); // labelling keeps every row
  return { raw, step: { step: 'rating-threshold', params: { min: t.min, mode: t.mode }, before: raw, after }, cols };
}

/** Applies the duplicate policy; keep-all only counts the repeated (user, item) pairs. */
export async function dedupeRows(c: DuckDBConnection, policy: DedupePolicy, distinctPairs: () => Promise<number>): Promise<LineageStep> {
  const before = await count(c, ROWS);
  if (policy === 'keep-all') return { step: 'dedupe', params: { policy, repeated: before - (await distinctPairs()) }, before, after: before };
  const pick = policy === 'keep-first' ? 'min' : 'max';
  const after = await replaceRows(c, `SELECT * FROM ${ROWS} WHERE pos IN (SELECT ${pick}(pos) FROM ${ROWS} GROUP BY u, i)`);
  return { step: 'dedupe', params: { policy, repeated: before - after }, before, after };
}

/** Keeps each user's `n` most recent interactions (ties: the later input row is more recent). */
export async function limitHistory(c: DuckDBConnection, n: number): Promise<LineageStep> {
  const before = await count(c, ROWS);
  const after = await replaceRows(c, `SELECT * FROM ${ROWS} QUALIFY row_number() OVER (PARTITION BY u ORDER BY ts DESC, pos DESC) <= ${n}`);
  return { step: 'max-history', params: { n }, before, after };
}
