/**
 * Located errors of one staged file: the reader's rejects merged with rows staged as `bad`
 * (missing id, unparsable time, invalid JSON). CSV rows do not carry their line: recordLines.ts
 * finds it from the row's position (skipping the header, blank lines and rejected records), and
 * turns the record numbers of rejects into the lines they start on.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ONE_TIME_UNIT } from '../../../data/timeUnit';
import type { ApiError } from '../../../protocol/dto';
import { num, query } from '../db';
import { dataRowLines, withPhysicalLines } from './recordLines';
import { firstRejects, rejectedRecords, unterminatedQuote } from './rejects';
import { BAD_NAME, STAGE } from './stage';
import type { StagedFile } from './stage';
import type { ColumnMapping } from './types';

/** The first `limit` errors of the file, in line order. */
export async function fileErrors(c: DuckDBConnection, s: StagedFile, m: ColumnMapping, limit: number): Promise<ApiError[]> {
  const expectedOf = (column: string): string => expectedFor(roleOf(column, m));
  const rejects = await firstRejects(c, s.file.name, limit, expectedOf);
  const located = s.quoting === null ? rejects : await withPhysicalLines(rejects, s.file.path, s.file.name, s.quoting);
  const bad = await badRows(c, s, m, limit);
  return [...located, ...bad].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0)).slice(0, limit);
}

/** The error that ended the reading of the file early, or null when the reader got to its end. */
export async function readingStopped(c: DuckDBConnection, s: StagedFile): Promise<ApiError | null> {
  const stop = await unterminatedQuote(c, s.file.name);
  if (stop === null || s.quoting === null) return stop;
  return (await withPhysicalLines([stop], s.file.path, s.file.name, s.quoting))[0] ?? stop;
}

/** Rows staged as bad, at their lines: carried by the row, or found from its position (CSV). */
async function badRows(c: DuckDBConnection, s: StagedFile, m: ColumnMapping, limit: number): Promise<ApiError[]> {
  if (s.bad === 0 || limit <= 0) return [];
  // Rowids inserted within a transaction start at a large offset (beyond 2^53, so they stay in
  // SQL); a file's rows are contiguous, so its row k is rowid - min(rowid).
  const rows = await query(c, `SELECT rowid - (SELECT min(rowid) FROM ${STAGE} WHERE file_idx = $1) AS k, ${s.exactLines ? 'line' : 'NULL AS line'}, ${BAD_NAME} AS bad
    FROM ${STAGE} WHERE file_idx = $1 AND bad IS NOT NULL ORDER BY rowid LIMIT $2`, [s.index, limit]);
  const positions = rows.map((r) => num(r['k']));
  const lines = s.quoting === null ? null : await dataRowLines(s.file.path, s.file.name, s.quoting, s.headerLines, await rejectedRecords(c), positions);
  return rows.map((r, k) => {
    const line = lines === null ? num(r['line']) : (lines.get(positions[k] ?? 0) ?? 0);
    return badRowError(s.file.name, line, String(r['bad']), m);
  });
}

type Role = 'user' | 'item' | 'timestamp' | 'rating' | 'label' | 'json' | 'text' | 'user-id' | 'item-id' | 'time-unit';

function roleOf(column: string, m: ColumnMapping): Role {
  if (column === m.user) return 'user';
  if (column === m.item) return 'item';
  if (column === m.timestamp) return 'timestamp';
  if (column === m.rating) return 'rating';
  return column === m.label ? 'label' : 'text';
}

function expectedFor(role: Role): string {
  switch (role) {
    case 'user':
    case 'item':
      return 'a non-empty id';
    case 'timestamp':
      return 'a number or an ISO date';
    case 'rating':
    case 'label':
      return 'a number';
    case 'json':
      return 'a JSON object';
    case 'text':
      return 'text';
    case 'user-id':
    case 'item-id':
      return 'a one-line id, not an object or a list (a line break here often means an unbalanced quote above)';
    case 'time-unit':
      return ONE_TIME_UNIT;
  }
}

function badRowError(file: string, line: number, bad: string, m: ColumnMapping): ApiError {
  const role = bad as Role;
  if (role === 'json') return { code: 'import', message: 'not a JSON object', location: { file, line, expected: expectedFor(role) } };
  const field = { user: m.user, item: m.item, timestamp: m.timestamp, rating: m.rating, label: m.label, 'user-id': m.user, 'item-id': m.item, 'time-unit': m.timestamp }[role as 'user'] ?? bad;
  return { code: 'import', message: BAD_MESSAGES[role] ?? `missing or unreadable ${role}`, location: { file, line, field, expected: expectedFor(role) } };
}

const BAD_MESSAGES: Partial<Record<Role, string>> = {
  user: 'missing user id',
  item: 'missing item id',
  'user-id': 'malformed user id',
  'item-id': 'malformed item id',
  'time-unit': 'timestamp in another unit than the rest of the file',
};
