/**
 * Staging: DuckDB reads each file straight into one temp table, typed per role. The table's
 * rowid is the global input position (files in order, rows in file order: inserts preserve
 * insertion order), which later breaks timestamp ties exactly like the JS path. Rows that cannot
 * be used are kept with `bad` naming the first offending field, so errors can be located and
 * reported without a second read.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecForgeError } from '../../../errors';
import { exec, num, query } from '../db';
import { clearRejects, countRejects } from './rejects';
import { openSource } from './sources';
import type { Source } from './sources';
import { lit } from './sql';
import { asNumber, asText, asTime, present } from './typing';
import type { CsvQuoting } from './recordLines';
import type { ColumnMapping, TabularFile, TabularKind } from './types';

/** The staging table. */
export const STAGE = 'tab_stage';

/** Where one file's rows sit in the staging table, and what its reader rejected. */
export interface StagedFile {
  readonly file: TabularFile;
  readonly index: number;
  readonly rows: number;
  readonly rejects: number;
  readonly bad: number;
  /** Header lines before the first data row (for deriving CSV line numbers). */
  readonly headerLines: number;
  /** False for CSV: the staged `line` is NULL and is derived from the position. */
  readonly exactLines: boolean;
  /** CSV quoting (record numbers → lines), or null when rows carry their exact line. */
  readonly quoting: CsvQuoting | null;
}

/**
 * Why a staged row is unusable: `bad` is 1 + the index here (a byte, not a string per row).
 * user-id / item-id: an id with a line break (an unbalanced quote swallowed lines) or a nested
 * value; time-unit: a timestamp in another unit than the file's other ones (see timeUnits.ts).
 */
export const BAD_FIELDS = ['json', 'user', 'item', 'timestamp', 'rating', 'label', 'user-id', 'item-id', 'time-unit'] as const;

/** SQL giving the field name of a staged row's `bad` code (NULL for usable rows). */
export const BAD_NAME = `[${BAD_FIELDS.map(lit).join(', ')}][bad]`;

export function badCode(field: (typeof BAD_FIELDS)[number]): number {
  return BAD_FIELDS.indexOf(field) + 1;
}

/**
 * Optional staging columns, each present only when needed: the table holds every input row, and
 * an all-NULL VARCHAR still costs 16 bytes a row in memory, which at 10M rows pushed the table
 * past the memory limit and made every later scan spill to disk.
 */
export interface StageColumns {
  /** An exact line per row (JSON lines, Parquet); CSV lines are derived from the position. */
  readonly line: boolean;
  readonly rating: boolean;
  readonly label: boolean;
  /** title, genres and domain (always together: the first row with any of them wins). */
  readonly info: boolean;
  readonly texts: boolean;
}

/** Which optional columns `m` needs; `exactLines` when any file is JSON lines or Parquet. */
export function stageColumns(m: ColumnMapping, exactLines: boolean): StageColumns {
  return {
    line: exactLines, rating: m.rating !== undefined, label: m.label !== undefined,
    info: m.title !== undefined || m.genres !== undefined || m.domain !== undefined, texts: (m.text ?? []).length > 0,
  };
}

function columnDefs(k: StageColumns): string[] {
  return [
    'file_idx INTEGER', ...(k.line ? ['line BIGINT'] : []), '"user" VARCHAR', 'item VARCHAR', 'ts DOUBLE',
    ...(k.rating ? ['rating DOUBLE'] : []), ...(k.label ? ['label DOUBLE'] : []),
    ...(k.info ? ['title VARCHAR', 'genres VARCHAR', 'domain VARCHAR'] : []), ...(k.texts ? ['texts VARCHAR[]'] : []), 'bad UTINYINT',
  ];
}

/** Creates the (empty) staging table with the columns `k` asks for. */
export async function createStage(c: DuckDBConnection, k: StageColumns): Promise<void> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${STAGE} (${columnDefs(k).join(', ')})`);
}

/** Reads one file into the staging table. */
export async function stageFile(c: DuckDBConnection, f: TabularFile, index: number, kind: TabularKind, gzip: boolean, m: ColumnMapping, k: StageColumns): Promise<StagedFile> {
  await clearRejects(c);
  const before = await stagedCount(c);
  const src = await openSource(c, f, kind, gzip, m);
  checkHeader(src, f, m);
  await exec(c, `INSERT INTO ${STAGE} ${stageSelect(src, index, m, k)}`);
  const rows = (await stagedCount(c)) - before;
  const [b] = await query(c, `SELECT count(*) AS n FROM ${STAGE} WHERE file_idx = $1 AND bad IS NOT NULL`, [index]);
  return { file: f, index, rows, rejects: await countRejects(c), bad: num(b?.['n']), headerLines: src.headerLines, exactLines: k.line && src.line !== null, quoting: src.line === null ? src.quoting : null };
}

async function stagedCount(c: DuckDBConnection): Promise<number> {
  return num((await query(c, `SELECT count(*) AS n FROM ${STAGE}`))[0]?.['n']);
}

/** Every mapped column must be in the header (when the file has one). */
function checkHeader(src: Source, f: TabularFile, m: ColumnMapping): void {
  if (src.header === null) return;
  const names = new Set(src.header.map((h) => h.name));
  const wanted = [m.user, m.item, m.timestamp, m.rating, m.label, m.title, m.genres, m.domain, ...(m.text ?? [])];
  for (const w of wanted) {
    if (w === undefined || names.has(w)) continue;
    const got = [...names].join(', ');
    throw new RecForgeError('import', `column '${w}' is not in the file (columns: ${got.slice(0, 200)})`, { file: f.name, line: 1, field: 'header', expected: `a column named '${w}'` });
  }
}

function hasLineBreak(column: string): string {
  return `(strpos(${column}, chr(10)) > 0 OR strpos(${column}, chr(13)) > 0)`;
}

/** SELECT producing staging rows: typed values plus the first bad field, if any. */
function stageSelect(src: Source, index: number, m: ColumnMapping, k: StageColumns): string {
  const col = (name: string | undefined): ReturnType<Source['column']> | null => (name === undefined ? null : src.column(name));
  const text = (name: string | undefined): string => { const x = col(name); return x ? asText(x) : 'NULL'; };
  const rating = col(m.rating);
  const label = col(m.label);
  const texts = (m.text ?? []).map((n) => text(n));
  const nested = (name: string): string => src.column(name).nested ?? 'false';
  const inner = `SELECT ${index} AS file_idx, ${src.line ?? 'NULL'} AS line,
      trim(${text(m.user)}) AS u, trim(${text(m.item)}) AS i, ${nested(m.user)} AS u_nested, ${nested(m.item)} AS i_nested, ${asTime(src.column(m.timestamp))} AS ts,
      ${rating ? asNumber(rating) : 'NULL'} AS rating, ${rating ? present(rating) : 'false'} AS has_rating,
      ${label ? asNumber(label) : 'NULL'} AS label, ${label ? present(label) : 'false'} AS has_label,
      ${text(m.title)} AS title, ${text(m.genres)} AS genres, ${text(m.domain)} AS domain,
      ${texts.length > 0 ? `[${texts.join(', ')}]` : 'NULL'} AS texts, ${src.unreadable ?? 'false'} AS unreadable
    FROM ${src.from}`;
  const bad = `CAST(CASE WHEN unreadable THEN ${badCode('json')}
      WHEN u IS NULL OR u = '' THEN ${badCode('user')} WHEN i IS NULL OR i = '' THEN ${badCode('item')}
      WHEN u_nested OR ${hasLineBreak('u')} THEN ${badCode('user-id')} WHEN i_nested OR ${hasLineBreak('i')} THEN ${badCode('item-id')}
      WHEN ts IS NULL OR NOT isfinite(ts) THEN ${badCode('timestamp')}
      WHEN has_rating AND (rating IS NULL OR NOT isfinite(rating)) THEN ${badCode('rating')}
      WHEN has_label AND (label IS NULL OR NOT isfinite(label)) THEN ${badCode('label')} END AS UTINYINT)`;
  const outs = ['file_idx', ...(k.line ? ['line'] : []), 'u', 'i', 'ts', ...(k.rating ? ['rating'] : []), ...(k.label ? ['label'] : []),
    ...(k.info ? ['title', 'genres', 'domain'] : []), ...(k.texts ? ['texts'] : []), bad];
  return `SELECT ${outs.join(', ')} FROM (${inner})`;
}
