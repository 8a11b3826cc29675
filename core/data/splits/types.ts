/**
 * What every split returns: training sequences, evaluation cases that point into per-user
 * timelines (so a history is a prefix, never a copy), the lineage step and a protocol record
 * that is stored next to every metric computed on the split.
 */
import type { LineageStep } from '../../protocol/dto';
import type { SplitSummary } from '../../protocol/splits';
import type { PackedSequences } from '../../protocol/worker';

/**
 * Evaluation cases as parallel columns. Case k predicts target[k] for user[k] from the history
 * timeline[user[k]][0 .. historyEnd[k]) of the owning SplitResult.
 */
export interface EvalCases {
  readonly user: Int32Array;
  readonly target: Int32Array;
  /** Number of timeline items (oldest first) the model may see for this case. */
  readonly historyEnd: Int32Array;
}

/** Which split produced the data, with everything needed to reproduce it. */
export interface SplitProtocol extends Pick<SplitSummary, 'kind' | 'params' | 'seed'> {
  /** As stored with the split, less the cold-item count (the cold split adds it). */
  readonly counts: Omit<SplitSummary['counts'], 'coldItems'>;
}

/** A split ready for training and evaluation. Items are 1-based (0 = padding), users 0-based. */
export interface SplitResult {
  readonly numItems: number;
  /** Per user, the chronological training items. */
  readonly train: PackedSequences;
  /**
   * Per user, the chronological items histories are cut from. It contains only interactions a
   * model may legitimately see at evaluation time (e.g. no cold items in the cold-item split).
   */
  readonly timeline: PackedSequences;
  readonly valid: EvalCases;
  readonly test: EvalCases;
  readonly protocol: SplitProtocol;
  readonly step: LineageStep;
}

/** Number of cases. */
export function caseCount(cases: EvalCases): number {
  return cases.user.length;
}

/** The history of case k, oldest first (a view into the timeline, not a copy). */
export function caseHistory(split: SplitResult, cases: EvalCases, k: number): Int32Array {
  const u = cases.user[k] ?? 0;
  const start = split.timeline.offsets[u] ?? 0;
  return split.timeline.values.subarray(start, start + (cases.historyEnd[k] ?? 0));
}

/** Growable column builder for EvalCases. */
export class CaseBuilder {
  private readonly users: number[] = [];
  private readonly targets: number[] = [];
  private readonly ends: number[] = [];

  add(user: number, target: number, historyEnd: number): void {
    this.users.push(user);
    this.targets.push(target);
    this.ends.push(historyEnd);
  }

  build(): EvalCases {
    return { user: Int32Array.from(this.users), target: Int32Array.from(this.targets), historyEnd: Int32Array.from(this.ends) };
  }
}

/** Packs per-user item lists (index = user) CSR-style. */
export function packSequences(perUser: readonly (readonly number[])[]): PackedSequences {
  const offsets = new Int32Array(perUser.length + 1);
  perUser.forEach((s, u) => (offsets[u + 1] = (offsets[u] ?? 0) + s.length));
  const values = new Int32Array(offsets[perUser.length] ?? 0);
  perUser.forEach((s, u) => values.set(s, offsets[u] ?? 0));
  return { offsets, values };
}
