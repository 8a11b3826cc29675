/**
 * Integer codes for raw ids, assigned in compareRawIds order (core/data/preprocess/rawIds.ts):
 * all-digit ids numerically (leading zeros ignored, then the text breaks ties) before every other
 * id, others by their text. Filtering then works on integers, and because codes follow the final
 * order, the remap at the end is just the rank of each surviving code — identical to remapIds.
 * (VARCHAR comparison is by UTF-8 bytes, which equals JS UTF-16 order except between
 * supplementary-plane characters and U+E000–U+FFFF.)
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec } from '../db';
import { STAGE } from './stage';

/**
 * Code tables: tab_user_codes(raw, code, n) and tab_item_codes(raw, code, n), n = the id's good
 * staged rows. While no filter has removed rows, n is the k-core degree, so an import whose ids
 * all reach k needs no degree pass over the rows at all.
 */
export const USER_CODES = 'tab_user_codes';
export const ITEM_CODES = 'tab_item_codes';

/**
 * Sort keys equal to compareRawIds for a VARCHAR column `raw`: non-digit ids last, digit ids by
 * length without leading zeros, then by those digits, then by the text. Computed once per id.
 */
const RAW_ID_KEYS = `NOT regexp_full_match(raw, '[0-9]+') AS k1,
  CASE WHEN NOT k1 THEN COALESCE(NULLIF(ltrim(raw, '0'), ''), '0') END AS k3, length(k3) AS k2`;

async function codeTable(c: DuckDBConnection, table: string, column: string): Promise<void> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT raw, CAST(row_number() OVER (ORDER BY k1, k2, k3, raw) AS INTEGER) AS code, n
    FROM (SELECT raw, n, ${RAW_ID_KEYS} FROM (SELECT ${column} AS raw, count(*) AS n FROM ${STAGE} WHERE bad IS NULL GROUP BY ${column}))`);
}

/** Builds both code tables from the good staged rows. */
export async function encodeIds(c: DuckDBConnection): Promise<void> {
  await codeTable(c, USER_CODES, '"user"');
  await codeTable(c, ITEM_CODES, 'item');
}
