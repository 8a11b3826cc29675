/**
 * Row filters that run before a split. Both keep the (user, ord) grouping and renumber `ord`,
 * so their output can go straight into any split. Neither remaps indices: re-run k-core and
 * remapping upstream if a filter empties users or items and dense indices matter.
 */
import type { LineageStep } from '../../protocol/dto';
import { RecForgeError } from '../../errors';
import { assertChronological, rowCount, selectRows, userStarts, userCount, type InteractionColumns } from './columns';

/** Filtered columns plus the lineage record of the filter. */
export interface FilterResult {
  readonly rows: InteractionColumns;
  readonly step: LineageStep;
}

/**
 * Keeps interactions rated at least `minRating` (implicit-feedback convention: a low rating is not
 * a positive signal). Rows without a rating (NaN) are kept only when `keepUnrated` is true.
 */
export function filterByRating(cols: InteractionColumns, minRating: number, keepUnrated = false): FilterResult {
  assertChronological(cols);
  const rating = cols.rating;
  if (!rating) throw new RecForgeError('validation', 'rating threshold needs a rating column', { file: 'split', field: 'rating' });
  const keep = new Uint8Array(rowCount(cols));
  for (let i = 0; i < keep.length; i++) {
    const r = rating[i] ?? Number.NaN;
    keep[i] = Number.isNaN(r) ? (keepUnrated ? 1 : 0) : r >= minRating ? 1 : 0;
  }
  const rows = selectRows(cols, keep);
  return { rows, step: { step: 'rating-threshold', params: { minRating, keepUnrated }, before: rowCount(cols), after: rowCount(rows) } };
}

/**
 * Keeps each user's `maxLength` most recent interactions (RecBase truncates very long histories;
 * SASRec-style models only read the last N anyway, so dropping the head saves memory).
 */
export function truncateHistories(cols: InteractionColumns, maxLength: number): FilterResult {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RecForgeError('validation', `maximum history length must be a positive integer, got ${maxLength}`, { file: 'split', field: 'maxLength' });
  }
  assertChronological(cols);
  const numUsers = userCount(cols);
  const starts = userStarts(cols, numUsers);
  const keep = new Uint8Array(rowCount(cols));
  for (let u = 0; u < numUsers; u++) {
    const end = starts[u + 1] ?? 0;
    keep.fill(1, Math.max(starts[u] ?? 0, end - maxLength), end);
  }
  const rows = selectRows(cols, keep);
  return { rows, step: { step: 'max-history-length', params: { maxLength, keep: 'most recent' }, before: rowCount(cols), after: rowCount(rows) } };
}

/**
 * Drops each user's last `k` interactions: the training rows of a leave-one-out split (k = 2) as
 * columns, for builders that need rows rather than sequences — e.g. a CPRec corpus whose target
 * domain must not contain the held-out valid/test behaviours.
 */
export function dropLastPerUser(cols: InteractionColumns, k: number): FilterResult {
  assertChronological(cols);
  const numUsers = userCount(cols);
  const starts = userStarts(cols, numUsers);
  const keep = new Uint8Array(rowCount(cols));
  for (let u = 0; u < numUsers; u++) {
    const start = starts[u] ?? 0;
    const end = starts[u + 1] ?? 0;
    // Same rule as leave-one-out: users too short to give targets keep everything.
    keep.fill(1, start, end - start >= k + 1 ? end - k : end);
  }
  const rows = selectRows(cols, keep);
  return { rows, step: { step: 'hold-out-last', params: { k }, before: rowCount(cols), after: rowCount(rows) } };
}
