/**
 * Physical lines of CSV records. DuckDB numbers rejected rows by record (a blank line counts as
 * one), and a quoted field holding newlines makes records span several lines, so errors after it
 * would point at the wrong line. Rows staged as bad are known only by their position among the
 * rows DuckDB produced, which skips blank lines and rejected records. One quote-aware pass over
 * the file (only up to the last record asked for) maps either kind to the line it starts on.
 */
import type { ApiError } from '../../../protocol/dto';
import { openTextSource } from '../../textFile';

/** The sniffed quoting of a CSV file ('' = none). */
export interface CsvQuoting {
  readonly quote: string;
  readonly escape: string;
}

/** One record as the pass meets it: its number (1-based, as DuckDB counts), start line, and whether it is empty. */
interface RecordStart {
  readonly record: number;
  readonly line: number;
  readonly blank: boolean;
}

/** Visits the file's records in order until `visit` returns false. */
async function scanRecords(path: string, name: string, q: CsvQuoting, visit: (r: RecordStart) => boolean): Promise<void> {
  let record = 1;
  let line = 1;
  let start = 1;
  let blank = true;
  let quoted = false;
  let escaped = false;
  const source = await openTextSource(path, { name, encoding: 'utf-8' });
  for await (const chunk of source.chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (escaped) escaped = false;
      else if (quoted && q.escape !== '' && q.escape !== q.quote && c === q.escape) escaped = true;
      else if (q.quote !== '' && c === q.quote) quoted = !quoted; // "" inside quotes toggles twice
      if (c !== '\n') {
        if (c !== '\r') blank = false;
        continue;
      }
      line += 1;
      if (quoted) continue;
      if (!visit({ record, line: start, blank })) return;
      record += 1;
      start = line;
      blank = true;
    }
  }
  if (!blank) visit({ record, line: start, blank });
}

/** Start line of each record in `records` (1-based; the header is record 1, as DuckDB counts). */
export async function recordStartLines(path: string, name: string, q: CsvQuoting, records: readonly number[]): Promise<Map<number, number>> {
  const wanted = new Set(records);
  const last = Math.max(0, ...records);
  const out = new Map<number, number>();
  await scanRecords(path, name, q, (r) => {
    if (wanted.has(r.record)) out.set(r.record, r.line);
    return r.record < last;
  });
  return out;
}

/**
 * Start line of the data rows at `positions` (0-based among the rows DuckDB produced: after the
 * `headerLines` first records, not blank, not rejected).
 */
export async function dataRowLines(path: string, name: string, q: CsvQuoting, headerLines: number, rejected: ReadonlySet<number>, positions: readonly number[]): Promise<Map<number, number>> {
  const wanted = new Set(positions);
  const last = Math.max(-1, ...positions);
  const out = new Map<number, number>();
  let position = 0;
  await scanRecords(path, name, q, (r) => {
    if (r.record <= headerLines || r.blank || rejected.has(r.record)) return true;
    if (wanted.has(position)) out.set(position, r.line);
    position += 1;
    return position <= last;
  });
  return out;
}

/** The errors with their record numbers replaced by the lines the records start on. */
export async function withPhysicalLines(errors: readonly ApiError[], path: string, name: string, q: CsvQuoting): Promise<ApiError[]> {
  const records = errors.flatMap((e) => (e.location?.line === undefined ? [] : [e.location.line]));
  if (records.length === 0) return [...errors];
  const lines = await recordStartLines(path, name, q, records);
  return errors.map((e) => {
    const line = e.location?.line === undefined ? undefined : lines.get(e.location.line);
    return line === undefined || e.location === undefined ? e : { ...e, location: { ...e.location, line } };
  });
}
