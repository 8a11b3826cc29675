/**
 * One reader per file kind, exposed the same way to the staging query: a FROM clause, a line
 * number expression, and a typed expression per source column. CSV/TSV read through read_csv
 * with rejects (DuckDB reports line and column of every bad row); JSON lines are read as raw
 * text lines first so that an unparsable line keeps its exact line number; Parquet rows carry
 * file_row_number.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, query } from '../db';
import { csvReadOptions, rawLineOptions, sniffCsv } from './csvDialect';
import type { CsvQuoting } from './recordLines';
import { REJECTS, SCANS } from './rejects';
import { columnsLiteral, ident, jsonKeyPath, lit } from './sql';
import { isNumericType } from './typing';
import type { SourceColumn } from './typing';
import type { ColumnMapping, PreviewColumn, TabularFile, TabularKind } from './types';

/** A file opened for staging. */
export interface Source {
  readonly from: string;
  /** Line (1-based) of a row, or null for CSV, where it is derived afterwards (see errors.ts). */
  readonly line: string | null;
  /** SQL condition of rows that cannot be read at all (invalid JSON), or null. */
  readonly unreadable: string | null;
  /** Columns of the file header (null for JSON lines: keys can differ per line). */
  readonly header: readonly PreviewColumn[] | null;
  /** Header lines before the first row (CSV only). */
  readonly headerLines: number;
  /** CSV quoting, to map record numbers to lines (null: rows carry their exact line). */
  readonly quoting: CsvQuoting | null;
  column(name: string): SourceColumn;
}

/** A column read with the type its reader gave it; a structure (a Parquet STRUCT, MAP or list) is nested. */
function typedColumn(types: ReadonlyMap<string, string>): Source['column'] {
  return (name) => {
    const type = types.get(name) ?? 'VARCHAR';
    return { expr: ident(name), type, nested: String(/^(STRUCT|MAP|UNION)\(|\[\d*\]$/.test(type)) };
  };
}

/** Temp table holding the raw lines of the JSON-lines file being staged. */
export const JSON_LINES = 'tab_json_lines';

/** Opens `f` for staging. CSV columns are typed for `mapping` (so bad cells are rejects). */
export async function openSource(c: DuckDBConnection, f: TabularFile, kind: TabularKind, gzip: boolean, mapping: ColumnMapping): Promise<Source> {
  if (kind === 'parquet') return parquetSource(c, f);
  if (kind === 'jsonl') return jsonLinesSource(c, f, gzip);
  return csvSource(c, f, kind, gzip, mapping);
}

const rejectOptions = [`store_rejects=true`, `rejects_table=${lit(REJECTS)}`, `rejects_scan=${lit(SCANS)}`];

async function csvSource(c: DuckDBConnection, f: TabularFile, kind: TabularKind, gzip: boolean, mapping: ColumnMapping): Promise<Source> {
  const d = await sniffCsv(c, f.path, kind, gzip);
  const columns = d.columns.map((col) => ({ name: col.name, type: csvType(col, mapping) }));
  const notNull = [mapping.timestamp].filter((n) => columns.some((x) => x.name === n && x.type !== 'VARCHAR'));
  const opts = [...csvReadOptions(d, gzip), `columns=${columnsLiteral(columns)}`, ...rejectOptions];
  if (notNull.length > 0) opts.push(`force_not_null=[${notNull.map(lit).join(', ')}]`);
  const types = new Map(columns.map((x) => [x.name, x.type]));
  return {
    from: `read_csv(${lit(f.path)}, ${opts.join(', ')})`,
    line: null,
    unreadable: null,
    header: d.header ? d.columns : null,
    headerLines: d.skip + (d.header ? 1 : 0),
    quoting: { quote: d.quote, escape: d.escape },
    column: typedColumn(types),
  };
}

/**
 * The type each CSV column is read as, so that DuckDB rejects bad cells with their line: a
 * timestamp keeps its sniffed number/date type (with force_not_null an empty cell is a reject
 * too), ratings and labels are DOUBLE (an empty rating stays NULL: implicit feedback), a sniffed
 * BOOLEAN label stays BOOLEAN, everything else is text. A column sniffed as TIMESTAMP WITH TIME
 * ZONE is read as text: one value with an offset makes the sniffer choose that type, and DuckDB
 * would then read the naive values in the session's time zone (the machine's); as text, each value
 * keeps its own offset and naive ones are UTC (asTime).
 */
function csvType(col: PreviewColumn, m: ColumnMapping): string {
  if (col.name === m.rating) return 'DOUBLE';
  if (col.name === m.label) return col.type === 'BOOLEAN' ? 'BOOLEAN' : 'DOUBLE';
  if (col.name !== m.timestamp) return 'VARCHAR';
  if (isNumericType(col.type)) return 'DOUBLE';
  if (col.type === 'DATE' || col.type === 'TIMESTAMP' || col.type.startsWith('TIMESTAMP_')) return 'TIMESTAMP';
  return 'VARCHAR';
}

/** Loads the file's lines into JSON_LINES (one row per line in order; blank lines are NULL). */
async function jsonLinesSource(c: DuckDBConnection, f: TabularFile, gzip: boolean): Promise<Source> {
  const opts = [...rawLineOptions(gzip), ...rejectOptions];
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${JSON_LINES} AS SELECT * FROM read_csv(${lit(f.path)}, ${opts.join(', ')})`);
  // Rowids inserted within a transaction start at a large offset, hence relative to the minimum.
  const from = `(SELECT rowid - (SELECT min(rowid) FROM ${JSON_LINES}) + 1 AS line_no, CASE WHEN json_valid(j) AND json_type(j) = 'OBJECT' THEN j END AS j, j AS raw
    FROM ${JSON_LINES} WHERE j IS NOT NULL AND trim(j) <> '')`;
  return {
    from,
    line: 'line_no',
    unreadable: 'j IS NULL',
    header: null,
    headerLines: 0,
    quoting: null,
    column: (name) => ({ expr: `json_extract_string(j, ${jsonKeyPath(name)})`, type: 'VARCHAR', nested: `coalesce(json_type(j, ${jsonKeyPath(name)}) IN ('OBJECT', 'ARRAY'), false)` }),
  };
}

async function parquetSource(c: DuckDBConnection, f: TabularFile): Promise<Source> {
  const from = `read_parquet(${lit(f.path)}, file_row_number=true)`;
  const described = await query(c, `DESCRIBE SELECT * FROM ${from}`);
  const header = described
    .map((r) => ({ name: String(r['column_name']), type: String(r['column_type']) }))
    .filter((x) => x.name !== 'file_row_number');
  const types = new Map(header.map((x) => [x.name, x.type]));
  return {
    from,
    line: 'file_row_number + 1',
    unreadable: null,
    header,
    headerLines: 0,
    quoting: null,
    column: typedColumn(types),
  };
}
