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

/** Code tables: tab_user_codes(raw, code) and tab_item_codes(raw, code). */
export const USER_CODES = 'tab_user_codes';
export const ITEM_CODES = 'tab_item_codes';

/** ORDER BY key equal to compareRawIds for a VARCHAR expression `x`. */
function rawIdOrder(x: string): string {
  const digits = `regexp_full_match(${x}, '[0-9]+')`;
  const stripped = `CASE WHEN ${digits} THEN COALESCE(NULLIF(ltrim(${x}, '0'), ''), '0') END`;
  return `(NOT ${digits}), length(${stripped}), ${stripped}, ${x}`;
}

async function codeTable(c: DuckDBConnection, table: string, column: string): Promise<void> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT raw, CAST(row_number() OVER (ORDER BY ${rawIdOrder('raw')}) AS INTEGER) AS code
    FROM (SELECT DISTINCT ${column} AS raw FROM ${STAGE} WHERE bad IS NULL)`);
}

/** Builds both code tables from the good staged rows. */
export async function encodeIds(c: DuckDBConnection): Promise<void> {
  await codeTable(c, USER_CODES, '"user"');
  await codeTable(c, ITEM_CODES, 'item');
}
