/**
 * CSV/TSV dialect and columns from DuckDB's sniffer. Import then reads with auto_detect off and
 * an explicit column list, so the sniffed sample cannot silently change types mid-file: a value
 * that does not fit becomes a rejected (located) row instead.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../db';
import { lit } from './sql';
import type { PreviewColumn, TabularKind } from './types';

/** What read_csv needs to re-read the file exactly as sniffed. */
export interface CsvDialect {
  readonly delim: string;
  readonly quote: string;
  readonly escape: string;
  readonly header: boolean;
  readonly skip: number;
  /** Lines starting with this are comments ('' = none): a preamble such as "# exported 2024". */
  readonly comment: string;
  /**
   * How the time column's values are written when not ISO (e.g. "%d/%m/%Y"); null = ISO. A
   * sniffed DATE column is read as TIMESTAMP (so a later value with a time still parses), so a
   * date format is passed on as the timestamp format.
   */
  readonly timestampFormat: string | null;
  readonly columns: readonly PreviewColumn[];
}

/** Longest accepted line (huge text fields); longer lines become located rejects. */
export const MAX_LINE_SIZE = 8 * 1024 * 1024;

/** Sniffs dialect, header and column types of a CSV/TSV file (may throw DuckDB's sniff error). */
export async function sniffCsv(c: DuckDBConnection, path: string, kind: TabularKind, gzip: boolean): Promise<CsvDialect> {
  // ignore_errors: without it one malformed row in the sample makes the sniffer settle on a
  // wrong dialect (e.g. '|' and a single column) instead of reporting that row later.
  const opts = [`compression=${lit(gzip ? 'gzip' : 'none')}`, `max_line_size=${MAX_LINE_SIZE}`, 'ignore_errors=true'];
  if (kind === 'tsv') opts.push(`delim=${lit('\t')}`);
  const [row] = await query(c, `SELECT * FROM sniff_csv(${lit(path)}, ${opts.join(', ')})`);
  const cols = (row?.['Columns'] ?? []) as { name: string; type: string }[];
  return {
    delim: String(row?.['Delimiter'] ?? ','),
    // Files without any quote sniff as "(empty)"; RFC 4180 quoting reads them the same way and
    // still handles a quoted field further down that the sample did not contain.
    quote: orDefault(row?.['Quote'], '"'),
    escape: orDefault(row?.['Escape'], '"'),
    header: Boolean(row?.['HasHeader']),
    skip: Number(row?.['SkipRows'] ?? 0),
    comment: orDefault(row?.['Comment'], ''),
    timestampFormat: timestampFormat(row?.['TimestampFormat'], row?.['DateFormat']),
    columns: cols.map((x) => ({ name: x.name, type: x.type })),
  };
}

const ISO_DATE = '%Y-%m-%d';

function timestampFormat(sniffedTimestamp: unknown, sniffedDate: unknown): string | null {
  const given = (v: unknown): string | null => (typeof v === 'string' && v !== '' && v !== '(empty)' ? v : null);
  const date = given(sniffedDate);
  return given(sniffedTimestamp) ?? (date === ISO_DATE ? null : date);
}

function orDefault(v: unknown, fallback: string): string {
  const s = v === undefined || v === null ? '' : String(v);
  return s === '' || s === '(empty)' ? fallback : s;
}

/** read_csv options that read every line whole, as one VARCHAR column `j` (JSON lines). */
export function rawLineOptions(gzip: boolean): string[] {
  return [
    'auto_detect=false', 'header=false', `delim=${lit('\u0001')}`, "quote=''", "escape=''",
    `compression=${lit(gzip ? 'gzip' : 'none')}`, `max_line_size=${MAX_LINE_SIZE}`, "columns={'j': 'VARCHAR'}",
  ];
}

/** The read_csv options (everything but the file and the column list) for a sniffed dialect. */
export function csvReadOptions(d: CsvDialect, gzip: boolean): string[] {
  return [
    'auto_detect=false',
    `delim=${lit(d.delim)}`,
    `quote=${lit(d.quote)}`,
    `escape=${lit(d.escape)}`,
    `header=${d.header}`,
    `skip=${d.skip}`,
    ...(d.comment === '' ? [] : [`comment=${lit(d.comment)}`]),
    ...(d.timestampFormat === null ? [] : [`timestampformat=${lit(d.timestampFormat)}`]),
    `compression=${lit(gzip ? 'gzip' : 'none')}`,
    `max_line_size=${MAX_LINE_SIZE}`,
  ];
}
