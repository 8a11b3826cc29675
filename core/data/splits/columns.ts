/**
 * Interaction columns as the splits see them: typed arrays sorted by (userIdx, ord), where `ord`
 * is the 0-based chronological position inside the user's history. PreparedRows
 * (preprocess/prepare.ts) satisfies this shape, so a prepared dataset can be split directly.
 */
import { RecForgeError } from '../../errors';

/** Per-interaction columns, grouped by user (ascending) and chronological within the user. */
export interface InteractionColumns {
  readonly userIdx: Int32Array;
  readonly itemIdx: Int32Array;
  readonly ts: Float64Array;
  readonly ord: Int32Array;
  /** NaN where the source had no rating; absent when no column exists at all. */
  readonly rating?: Float64Array;
}

/** Number of rows. */
export function rowCount(cols: InteractionColumns): number {
  return cols.userIdx.length;
}

/**
 * Checks the invariants every split relies on: users ascending, `ord` 0,1,2,… within each user,
 * and timestamps non-decreasing along `ord` (otherwise "history before the target" is undefined).
 */
export function assertChronological(cols: InteractionColumns): void {
  const n = rowCount(cols);
  if (cols.itemIdx.length !== n || cols.ts.length !== n || cols.ord.length !== n) {
    throw columnsError('all columns must have the same length');
  }
  for (let i = 0; i < n; i++) {
    const sameUser = i > 0 && cols.userIdx[i] === cols.userIdx[i - 1];
    if (i > 0 && !sameUser && (cols.userIdx[i] ?? 0) < (cols.userIdx[i - 1] ?? 0)) throw columnsError(`row ${i} breaks the user grouping`);
    const expectedOrd = sameUser ? (cols.ord[i - 1] ?? 0) + 1 : 0;
    if (cols.ord[i] !== expectedOrd) throw columnsError(`row ${i} has ord ${cols.ord[i]}, expected ${expectedOrd}`);
    if (sameUser && (cols.ts[i] ?? 0) < (cols.ts[i - 1] ?? 0)) throw columnsError(`row ${i} goes back in time within its user`);
  }
}

function columnsError(message: string): RecForgeError {
  return new RecForgeError('validation', `interaction columns: ${message}`, { file: 'split', field: 'rows', expected: 'rows sorted by (user, ord)' });
}

/** Largest user index + 1 (0 for no rows). */
export function userCount(cols: InteractionColumns): number {
  const n = rowCount(cols);
  return n === 0 ? 0 : (cols.userIdx[n - 1] ?? 0) + 1;
}

/** starts[u] .. starts[u + 1] is user u's row range (users without rows get an empty range). */
export function userStarts(cols: InteractionColumns, numUsers: number): Int32Array {
  const starts = new Int32Array(numUsers + 1);
  for (let i = 0; i < rowCount(cols); i++) {
    const u = cols.userIdx[i] ?? 0;
    starts[u + 1] = (starts[u + 1] ?? 0) + 1;
  }
  for (let u = 0; u < numUsers; u++) starts[u + 1] = (starts[u + 1] ?? 0) + (starts[u] ?? 0);
  return starts;
}

/**
 * The rows where keep[i] === 1, with `ord` renumbered so the result again satisfies
 * assertChronological. User and item indices are not remapped (a user may end up with no rows).
 */
export function selectRows(cols: InteractionColumns, keep: Uint8Array): InteractionColumns {
  let m = 0;
  for (let i = 0; i < keep.length; i++) m += keep[i] === 1 ? 1 : 0;
  const out = { userIdx: new Int32Array(m), itemIdx: new Int32Array(m), ts: new Float64Array(m), ord: new Int32Array(m) };
  const rating = cols.rating ? new Float64Array(m) : undefined;
  let k = 0;
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] !== 1) continue;
    const u = cols.userIdx[i] ?? 0;
    out.userIdx[k] = u;
    out.itemIdx[k] = cols.itemIdx[i] ?? 0;
    out.ts[k] = cols.ts[i] ?? 0;
    out.ord[k] = k > 0 && out.userIdx[k - 1] === u ? (out.ord[k - 1] ?? 0) + 1 : 0;
    if (rating) rating[k] = cols.rating?.[i] ?? Number.NaN;
    k += 1;
  }
  return rating ? { ...out, rating } : out;
}
