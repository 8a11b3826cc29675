/**
 * Stages every file in order and applies the error policy per file: 'fail' throws the file's
 * first located error, 'skip' drops bad rows and keeps the first 100 errors for the report. A
 * file that yields no usable row at all (empty, header only, garbage) is always an error, and so
 * is anything DuckDB itself throws while reading (it is located at the file), and so is an error
 * that stops the reader before the end of the file (skipping it would drop every row after it).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecForgeError } from '../../../errors';
import type { ApiError } from '../../../protocol/dto';
import { detectFile, emptyFile } from './detect';
import { fileErrors, readingStopped } from './fileErrors';
import { markOtherTimeUnits } from './timeUnits';
import { verifyGzip } from './gzipCheck';
import { createStage, stageColumns, stageFile } from './stage';
import type { StageColumns, StagedFile } from './stage';
import type { ColumnMapping, ErrorPolicy, SkippedRows, TabularFile, TabularKind } from './types';

/** Errors kept for the 'skip' report. */
export const MAX_REPORTED = 100;

/** Stages all files into tab_stage; returns what was skipped. */
export async function stageAll(c: DuckDBConnection, files: readonly TabularFile[], kind: TabularKind | undefined, m: ColumnMapping, policy: ErrorPolicy): Promise<SkippedRows> {
  const cols = stageColumns(m, await anyExactLines(files, kind));
  await createStage(c, cols);
  let count = 0;
  let timeUnit: number | null = null;
  const errors: ApiError[] = [];
  for (const [index, f] of files.entries()) {
    const staged = await stageOne(c, f, index, kind, m, cols);
    const stopped = staged.rejects > 0 ? await readingStopped(c, staged) : null;
    if (stopped !== null) throw toError(stopped, f);
    const units = await markOtherTimeUnits(c, index, timeUnit);
    timeUnit = units.unit;
    const s = { ...staged, bad: staged.bad + units.marked };
    const bad = s.rejects + s.bad;
    const usable = s.rows - s.bad;
    if (bad > 0 && (policy === 'fail' || usable === 0)) throw toError((await fileErrors(c, s, m, 1))[0], f);
    if (usable === 0) throw emptyFile(f);
    count += bad;
    if (bad > 0 && errors.length < MAX_REPORTED) errors.push(...(await fileErrors(c, s, m, MAX_REPORTED - errors.length)));
  }
  return { count, errors };
}

/** True when some file is JSON lines or Parquet (their rows carry exact lines worth staging). */
async function anyExactLines(files: readonly TabularFile[], kind: TabularKind | undefined): Promise<boolean> {
  for (const f of files) {
    // A file that cannot be detected fails later, in order, with its located error.
    const k = kind ?? (await detectFile(f).then((d) => d.kind, () => 'csv'));
    if (k === 'jsonl' || k === 'parquet') return true;
  }
  return false;
}

async function stageOne(c: DuckDBConnection, f: TabularFile, index: number, kind: TabularKind | undefined, m: ColumnMapping, k: StageColumns): Promise<StagedFile> {
  const detected = await detectFile(f);
  if (detected.gzip) await verifyGzip(f);
  try {
    return await stageFile(c, f, index, kind ?? detected.kind, detected.gzip, m, k);
  } catch (err) {
    if (err instanceof RecForgeError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    throw new RecForgeError('import', `cannot read the file: ${why}`, { file: f.name, expected: `a readable ${kind ?? detected.kind} file` });
  }
}

function toError(e: ApiError | undefined, f: TabularFile): RecForgeError {
  if (!e) return emptyFile(f);
  return new RecForgeError('import', e.message, e.location ?? { file: f.name });
}
