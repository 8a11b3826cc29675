/**
 * Preview of tabular files for the mapping dialog: kind, columns with DuckDB's types, the first
 * 20 rows as text, a row-count estimate and a suggested mapping. Reads only the head of each
 * file (Parquet row counts come from the footer), so it stays instant on multi-GB inputs.
 * Malformed rows are left out of the preview rather than failing it: the import reports them
 * with their lines under the chosen error policy, and it needs the mapping made here to run.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { RecForgeError } from '../../../errors';
import { num, query } from '../db';
import { csvReadOptions, rawLineOptions, sniffCsv } from './csvDialect';
import { detectFile, emptyFile } from './detect';
import { columnsLiteral, ident, lit } from './sql';
import { suggestMapping } from './suggest';
import type { PreviewColumn, TabularFile, TabularKind, TabularPreview } from './types';

const PREVIEW_ROWS = 20;
const SAMPLE_BYTES = 1 << 20;

/** Previews each file in order; an unreadable file is a located 'import' error. */
export async function previewTabular(c: DuckDBConnection, files: readonly TabularFile[]): Promise<TabularPreview[]> {
  const out: TabularPreview[] = [];
  for (const f of files) out.push(await previewOne(c, f));
  return out;
}

async function previewOne(c: DuckDBConnection, f: TabularFile): Promise<TabularPreview> {
  const { kind, gzip } = await detectFile(f);
  try {
    const { from, columns } = await readerFor(c, f, kind, gzip);
    const select = columns.map((col) => `CAST(${ident(col.name)} AS VARCHAR)`).join(', ');
    const rows = (await query(c, `SELECT ${select} FROM ${from} LIMIT ${PREVIEW_ROWS}`)).map((r) => Object.values(r).map((v) => (v === null ? '' : String(v))));
    if (rows.length === 0) throw emptyFile(f);
    const rowEstimate = kind === 'parquet' ? await parquetRows(c, f.path) : await estimateTextRows(f.path, gzip, kind);
    return { file: f.name, kind, gzip, columns, rows, rowEstimate, suggested: suggestMapping(columns) };
  } catch (err) {
    if (err instanceof RecForgeError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    const line = /on line:? (\d+)/i.exec(why)?.[1];
    throw new RecForgeError('import', `cannot read the file: ${why}`, { file: f.name, ...(line === undefined ? {} : { line: Number(line) }), expected: `a readable ${kind} file` });
  }
}

async function readerFor(c: DuckDBConnection, f: TabularFile, kind: TabularKind, gzip: boolean): Promise<{ from: string; columns: PreviewColumn[] }> {
  if (kind === 'csv' || kind === 'tsv') {
    const d = await sniffCsv(c, f.path, kind, gzip);
    const asText = d.columns.map((col) => ({ name: col.name, type: 'VARCHAR' }));
    return { from: `read_csv(${lit(f.path)}, ${[...csvReadOptions(d, gzip), `columns=${columnsLiteral(asText)}`, 'ignore_errors=true'].join(', ')})`, columns: [...d.columns] };
  }
  const from = kind === 'parquet' ? `read_parquet(${lit(f.path)})` : await jsonObjects(c, f, gzip);
  const described = await query(c, `DESCRIBE SELECT * FROM ${from}`);
  return { from, columns: described.map((r) => ({ name: String(r['column_name']), type: String(r['column_type']) })) };
}

/** Lines of the file's head read as the import reads them. */
const SAMPLE_LINES = 2000;

/**
 * The JSON objects among the first lines, as columns typed from their merged structure. The
 * lines are read raw, the way the import reads them, so a byte-order mark, a duplicate key or a
 * malformed line in the head does not stop the preview (DuckDB's read_json stops on all three).
 */
async function jsonObjects(c: DuckDBConnection, f: TabularFile, gzip: boolean): Promise<string> {
  const lines = `(SELECT j FROM read_csv(${lit(f.path)}, ${rawLineOptions(gzip).join(', ')}, ignore_errors=true) WHERE j IS NOT NULL AND trim(j) <> '' LIMIT ${SAMPLE_LINES})`;
  const objects = `(SELECT j FROM ${lines} WHERE json_valid(j) AND json_type(j) = 'OBJECT')`;
  const [row] = await query(c, `SELECT json_group_structure(j::JSON)::VARCHAR AS s FROM ${objects}`);
  const structure = row?.['s'];
  if (typeof structure !== 'string' || !structure.startsWith('{')) throw emptyFile(f);
  return `(SELECT unnest(json_transform(j, ${lit(structure)})) FROM ${objects})`;
}

async function parquetRows(c: DuckDBConnection, path: string): Promise<number> {
  const [r] = await query(c, `SELECT sum(num_rows) AS n FROM parquet_file_metadata(${lit(path)})`);
  return num(r?.['n']);
}

/** Data lines: exact when the first MiB holds the whole file, else extrapolated from it. */
async function estimateTextRows(path: string, gzip: boolean, kind: TabularKind): Promise<number> {
  const head = await readTextHead(path, gzip);
  const lines = head.complete ? head.lines : Math.max(1, head.lines);
  const header = kind === 'jsonl' ? 0 : 1;
  if (head.complete) return Math.max(0, lines - header);
  const total = (await stat(path)).size * (gzip ? head.bytes / Math.max(1, head.compressed) : 1);
  return Math.max(0, Math.round((total / head.bytes) * lines) - header);
}

async function readTextHead(path: string, gzip: boolean): Promise<{ lines: number; bytes: number; compressed: number; complete: boolean }> {
  const raw = createReadStream(path);
  let compressed = 0;
  raw.on('data', (b) => (compressed += (b as Buffer).length));
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  let lines = 0;
  let bytes = 0;
  let last = 10;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines += 1;
      bytes += b.length;
      last = b[b.length - 1] ?? 10;
      if (bytes >= SAMPLE_BYTES) return { lines, bytes, compressed, complete: false };
    }
  } finally {
    raw.destroy();
  }
  return { lines: lines + (last === 10 ? 0 : 1), bytes, compressed, complete: true };
}
