/**
 * Leave-one-out split (core/protocol/worker.ts LeaveOneOutData): per user the last item is the
 * test target, the second-to-last the validation target, the rest is the training history.
 * Users with fewer than 3 interactions keep everything in train and get no targets (0).
 */
import { RecForgeError } from '../../errors';
import type { LeaveOneOutData } from '../../protocol/worker';

/**
 * Builds the split from rows grouped by user (ascending) and chronological within each user,
 * i.e. the order of the interactions table by (user_idx, ord).
 */
export function buildLeaveOneOut(numUsers: number, numItems: number, userIdx: ArrayLike<number>, itemIdx: ArrayLike<number>): LeaveOneOutData {
  const lengths = userLengths(numUsers, numItems, userIdx, itemIdx);
  const offsets = new Int32Array(numUsers + 1);
  for (let u = 0; u < numUsers; u++) offsets[u + 1] = (offsets[u] ?? 0) + trainLength(lengths[u] ?? 0);
  const values = new Int32Array(offsets[numUsers] ?? 0);
  const validTarget = new Int32Array(numUsers);
  const testTarget = new Int32Array(numUsers);
  let row = 0;
  for (let u = 0; u < numUsers; u++) {
    const len = lengths[u] ?? 0;
    const t = trainLength(len);
    for (let j = 0; j < t; j++) values[(offsets[u] ?? 0) + j] = itemIdx[row + j] ?? 0;
    if (len >= 3) {
      validTarget[u] = itemIdx[row + len - 2] ?? 0;
      testTarget[u] = itemIdx[row + len - 1] ?? 0;
    }
    row += len;
  }
  return { numItems, train: { offsets, values }, validTarget, testTarget };
}

function trainLength(len: number): number {
  return len >= 3 ? len - 2 : len;
}

/** Interactions per user; also checks the grouping and index ranges the split relies on. */
function userLengths(numUsers: number, numItems: number, userIdx: ArrayLike<number>, itemIdx: ArrayLike<number>): Int32Array {
  const lengths = new Int32Array(numUsers);
  let prev = 0;
  for (let i = 0; i < userIdx.length; i++) {
    const u = userIdx[i] ?? -1;
    const it = itemIdx[i] ?? -1;
    if (u < prev || u >= numUsers || it < 1 || it > numItems) {
      throw new RecForgeError('internal', `leave-one-out input row ${i} is out of order or out of range (user ${u}, item ${it})`);
    }
    prev = u;
    lengths[u] = (lengths[u] ?? 0) + 1;
  }
  return lengths;
}
