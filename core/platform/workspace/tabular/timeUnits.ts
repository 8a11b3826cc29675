/**
 * Epoch timestamps in mixed units (seconds next to milliseconds) import without a single error
 * and then sort wrongly: every second-based event lands before every millisecond-based one, and
 * the leave-one-out target changes. A value's unit shows in its magnitude — seconds since 1973
 * lie in [1e8, 1e11) (up to the year 5138), milliseconds in [1e11, 1e14), microseconds in
 * [1e14, 1e17), nanoseconds above — so rows in another unit than the import's are marked bad and
 * reported at their lines. Values below 1e8 (sequence numbers, dates before 1973) have no unit.
 * The import's unit is the most common one of the first file that has any.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, num, query } from '../db';
import { badCode, STAGE } from './stage';

const UNIT_OF_TS = 'CASE WHEN ts >= 1e17 THEN 3 WHEN ts >= 1e14 THEN 2 WHEN ts >= 1e11 THEN 1 WHEN ts >= 1e8 THEN 0 END';

/** The most common unit among the file's usable rows, or null when none has one. */
async function commonUnit(c: DuckDBConnection, fileIndex: number): Promise<number | null> {
  const [row] = await query(c, `SELECT ${UNIT_OF_TS} AS unit, count(*) AS n FROM ${STAGE}
    WHERE file_idx = $1 AND bad IS NULL AND ${UNIT_OF_TS} IS NOT NULL GROUP BY unit ORDER BY n DESC, unit LIMIT 1`, [fileIndex]);
  return row === undefined ? null : num(row['unit']);
}

/**
 * Marks the file's rows whose unit differs from `unit` (the import's, or null: this file sets it).
 * Returns the import's unit from now on and how many rows were marked.
 */
export async function markOtherTimeUnits(c: DuckDBConnection, fileIndex: number, unit: number | null): Promise<{ unit: number | null; marked: number }> {
  const reference = unit ?? (await commonUnit(c, fileIndex));
  if (reference === null) return { unit: null, marked: 0 };
  await exec(c, `UPDATE ${STAGE} SET bad = ${badCode('time-unit')}
    WHERE file_idx = $1 AND bad IS NULL AND ${UNIT_OF_TS} IS NOT NULL AND ${UNIT_OF_TS} <> $2`, [fileIndex, reference]);
  const [counted] = await query(c, `SELECT count(*) AS n FROM ${STAGE} WHERE file_idx = $1 AND bad = ${badCode('time-unit')}`, [fileIndex]);
  return { unit: reference, marked: num(counted?.['n']) };
}
