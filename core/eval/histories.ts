/**
 * What the model sees and what is excluded for each evaluation target of a leave-one-out split.
 * For 'test' the history is train + the valid item; for 'valid' it is train only (no future).
 */
import type { LeaveOneOutData } from '../protocol/worker';
import { sequenceCount, sequenceOf, sortedUnique } from '../train/itemSets';

/** Which held-out item is the target. */
export type EvalTarget = 'valid' | 'test';

/** The target item of user u (0 when the user has none). */
export function targetOf(data: LeaveOneOutData, u: number, target: EvalTarget): number {
  return (target === 'test' ? data.testTarget[u] : data.validTarget[u]) ?? 0;
}

/** Users with a target, in id order. */
export function evaluableUsers(data: LeaveOneOutData, target: EvalTarget): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < sequenceCount(data.train); u++) if (targetOf(data, u, target) > 0) out.push(u);
  return Int32Array.from(out);
}

/** The model input history of user u for `target`, oldest first. */
export function historyFor(data: LeaveOneOutData, u: number, target: EvalTarget): Int32Array {
  const train = sequenceOf(data.train, u);
  const valid = data.validTarget[u] ?? 0;
  if (target === 'valid' || valid <= 0) return train;
  const out = new Int32Array(train.length + 1);
  out.set(train);
  out[train.length] = valid;
  return out;
}

/** Every item user u ever interacted with (train, valid, test), sorted: never a sampled negative. */
export function interactedItems(data: LeaveOneOutData, u: number): Int32Array {
  const extra = [data.validTarget[u] ?? 0, data.testTarget[u] ?? 0].filter((x) => x > 0);
  return sortedUnique([...sequenceOf(data.train, u), ...extra]);
}
