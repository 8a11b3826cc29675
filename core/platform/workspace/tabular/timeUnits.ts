/**
 * Rows whose timestamp is in another unit than the import's (core/data/timeUnit.ts: the unit is
 * read from the magnitude) are marked bad and reported at their lines. The import's unit is the
 * most common one of the first file that has any.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, num, query } from '../db';
import { TIME_UNIT_FLOORS } from '../../../data/timeUnit';
import { badCode, STAGE } from './stage';

/** timeUnitOf in SQL. */
const UNIT_OF_TS = `CASE ${TIME_UNIT_FLOORS.map((floor, unit) => ({ floor, unit })).reverse().map(({ floor, unit }) => `WHEN ts >= ${floor} THEN ${unit}`).join(' ')} END`;

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
