/**
 * DuckDB's CSV rejects tables (store_rejects): every row the reader could not parse, with its
 * line, column and error type. The tables are temp tables of the connection; they are emptied
 * before each file so their rows always belong to the file being staged.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ApiError } from '../../../protocol/dto';
import { exec, num, query } from '../db';

/** Temp table names (fixed, so they are replaced rather than accumulated). */
export const REJECTS = 'tab_rejects';
export const SCANS = 'tab_reject_scans';

/** Empties the rejects tables if a previous scan created them. */
export async function clearRejects(c: DuckDBConnection): Promise<void> {
  await exec(c, `DROP TABLE IF EXISTS ${REJECTS}`);
  await exec(c, `DROP TABLE IF EXISTS ${SCANS}`);
}

async function exists(c: DuckDBConnection): Promise<boolean> {
  const rows = await query(c, `SELECT 1 FROM duckdb_tables() WHERE temporary AND table_name = $1`, [REJECTS]);
  return rows.length > 0;
}

/** Number of rejected rows of the last scan (a row can have several errors: one per line). */
export async function countRejects(c: DuckDBConnection): Promise<number> {
  if (!(await exists(c))) return 0;
  return num((await query(c, `SELECT count(DISTINCT line) AS n FROM ${REJECTS}`))[0]?.['n']);
}

/** Record numbers of the last scan's rejected rows (to find staged rows by position among the rest). */
export async function rejectedRecords(c: DuckDBConnection): Promise<Set<number>> {
  if (!(await exists(c))) return new Set();
  const rows = await query(c, `SELECT DISTINCT line FROM ${REJECTS}`);
  return new Set(rows.map((r) => num(r['line'])));
}

/** What toError reads of a reject. */
const REJECT_COLUMNS = 'line, column_name, CAST(error_type AS VARCHAR) AS kind, error_message';

/**
 * The reject after which the reader stopped: an unterminated quote swallows the rest of the file
 * into one field, so no row after it is read (or counted as rejected). Null when there is none.
 */
export async function unterminatedQuote(c: DuckDBConnection, file: string): Promise<ApiError | null> {
  if (!(await exists(c))) return null;
  const sql = `SELECT ${REJECT_COLUMNS} FROM ${REJECTS}
    WHERE error_message ILIKE '%unterminated quote%' ORDER BY line LIMIT 1`;
  const [row] = await query(c, sql);
  if (row === undefined) return null;
  const error = toError(file, row, () => 'text');
  return { ...error, message: `${error.message} Nothing after it can be read as rows, so the file is not imported.` };
}

/** The first `limit` rejected rows of the last scan as located errors (first error per row), in line order. */
export async function firstRejects(c: DuckDBConnection, file: string, limit: number, expectedOf: (column: string) => string): Promise<ApiError[]> {
  if (limit <= 0 || !(await exists(c))) return [];
  const sql = `SELECT ${REJECT_COLUMNS} FROM ${REJECTS}
    QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1 ORDER BY line LIMIT $1`;
  const rows = await query(c, sql, [limit]);
  return rows.map((r) => toError(file, r, expectedOf));
}

function toError(file: string, r: Readonly<Record<string, unknown>>, expectedOf: (column: string) => string): ApiError {
  const kind = String(r['kind']);
  const column = r['column_name'] === null ? undefined : String(r['column_name']);
  const message = String(r['error_message']).split('\n')[0] ?? kind;
  const base = { file, line: num(r['line']) };
  if (kind === 'CAST' && column !== undefined) {
    return { code: 'import', message, location: { ...base, field: column, expected: expectedOf(column) } };
  }
  return { code: 'import', message, location: { ...base, expected: EXPECTED[kind] ?? 'a well-formed row' } };
}

const EXPECTED: Readonly<Record<string, string>> = {
  'MISSING COLUMNS': 'as many fields as the header',
  'TOO MANY COLUMNS': 'as many fields as the header',
  'INVALID ENCODING': 'UTF-8 text',
  'LINE SIZE OVER MAXIMUM': 'lines shorter than 8 MiB',
  'UNQUOTED VALUE': 'well-formed quoting',
  'INVALID STATE': 'well-formed quoting',
};
