/**
 * Physical lines of CSV records. DuckDB numbers rejected rows by record, and rows staged as bad
 * get a record number from their position; a quoted field holding newlines makes records span
 * several lines, so errors after it would point at the wrong line. One quote-aware pass over the
 * file (only up to the last record asked for) maps record numbers to the lines they start on.
 */
import type { ApiError } from '../../../protocol/dto';
import { openTextSource } from '../../textFile';

/** The sniffed quoting of a CSV file ('' = none). */
export interface CsvQuoting {
  readonly quote: string;
  readonly escape: string;
}

/** Start line of each record in `records` (1-based; the header is record 1, as DuckDB counts). */
export async function recordStartLines(path: string, name: string, q: CsvQuoting, records: readonly number[]): Promise<Map<number, number>> {
  const wanted = new Set(records);
  const last = Math.max(0, ...records);
  const out = new Map<number, number>();
  let record = 1;
  let line = 1;
  let quoted = false;
  let escaped = false;
  if (wanted.has(1)) out.set(1, 1);
  const source = await openTextSource(path, { name, encoding: 'utf-8' });
  for await (const chunk of source.chunks) {
    for (let i = 0; i < chunk.length && record < last; i++) {
      const c = chunk.charAt(i);
      if (escaped) escaped = false;
      else if (quoted && q.escape !== '' && q.escape !== q.quote && c === q.escape) escaped = true;
      else if (q.quote !== '' && c === q.quote) quoted = !quoted; // "" inside quotes toggles twice
      if (c !== '\n') continue;
      line += 1;
      if (quoted) continue;
      record += 1;
      if (wanted.has(record)) out.set(record, line);
    }
    if (record >= last) break;
  }
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
