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
import { asNumber, asText, asTime, present } from './typing';
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
}

/** Creates the (empty) staging table. */
export async function createStage(c: DuckDBConnection): Promise<void> {
  await exec(c, `CREATE OR REPLACE TEMP TABLE ${STAGE} (
    file_idx INTEGER, line BIGINT, "user" VARCHAR, item VARCHAR, ts DOUBLE, rating DOUBLE, label DOUBLE,
    title VARCHAR, genres VARCHAR, domain VARCHAR, texts VARCHAR[], bad VARCHAR)`);
}

/** Reads one file into the staging table. */
export async function stageFile(c: DuckDBConnection, f: TabularFile, index: number, kind: TabularKind, gzip: boolean, m: ColumnMapping): Promise<StagedFile> {
  await clearRejects(c);
  const before = await stagedCount(c);
  const src = await openSource(c, f, kind, gzip, m);
  checkHeader(src, f, m);
  await exec(c, `INSERT INTO ${STAGE} ${stageSelect(src, index, m)}`);
  const rows = (await stagedCount(c)) - before;
  const [b] = await query(c, `SELECT count(*) AS n FROM ${STAGE} WHERE file_idx = $1 AND bad IS NOT NULL`, [index]);
  return { file: f, index, rows, rejects: await countRejects(c), bad: num(b?.['n']), headerLines: src.headerLines, exactLines: src.line !== null };
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

/** SELECT producing staging rows: typed values plus the first bad field, if any. */
function stageSelect(src: Source, index: number, m: ColumnMapping): string {
  const col = (name: string | undefined): ReturnType<Source['column']> | null => (name === undefined ? null : src.column(name));
  const text = (name: string | undefined): string => { const x = col(name); return x ? asText(x) : 'NULL'; };
  const rating = col(m.rating);
  const label = col(m.label);
  const texts = (m.text ?? []).map((n) => text(n));
  const inner = `SELECT ${index} AS file_idx, ${src.line ?? 'NULL'} AS line,
      trim(${text(m.user)}) AS u, trim(${text(m.item)}) AS i, ${asTime(src.column(m.timestamp))} AS ts,
      ${rating ? asNumber(rating) : 'NULL'} AS rating, ${rating ? present(rating) : 'false'} AS has_rating,
      ${label ? asNumber(label) : 'NULL'} AS label, ${label ? present(label) : 'false'} AS has_label,
      ${text(m.title)} AS title, ${text(m.genres)} AS genres, ${text(m.domain)} AS domain,
      ${texts.length > 0 ? `[${texts.join(', ')}]` : 'NULL'} AS texts, ${src.unreadable ?? 'false'} AS unreadable
    FROM ${src.from}`;
  const bad = `CASE WHEN unreadable THEN 'json'
      WHEN u IS NULL OR u = '' THEN 'user' WHEN i IS NULL OR i = '' THEN 'item'
      WHEN ts IS NULL OR NOT isfinite(ts) THEN 'timestamp'
      WHEN has_rating AND (rating IS NULL OR NOT isfinite(rating)) THEN 'rating'
      WHEN has_label AND (label IS NULL OR NOT isfinite(label)) THEN 'label' END`;
  return `SELECT file_idx, line, u, i, ts, rating, label, title, genres, domain, texts, ${bad} FROM (${inner})`;
}
