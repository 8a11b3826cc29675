/**
 * Tokenizer quality as §6.2 / Fig. 5 reports it: per-level utilisation (share of the K codes
 * used by at least one item), collision rate (items that do not get a code tuple of their own,
 * 1 − distinct tuples / items, as LC-Rec computes it) and reconstruction error.
 */
import type { Assignment } from './assign';
import { codeUsage } from './deadCodes';

/** Metrics of one tokenizer on one item set. */
export interface CodebookMetrics {
  readonly items: number;
  readonly levels: number;
  readonly codes: number;
  /** utilisation[d] = used codes at level d / K. */
  readonly utilisation: readonly number[];
  /** usageEntropy[d] = entropy of level d's code usage / log K (1 = perfectly uniform). */
  readonly usageEntropy: readonly number[];
  /** 1 − distinct full tuples / items. */
  readonly collisionRate: number;
  /** Largest number of items sharing one full tuple. */
  readonly largestCollision: number;
  /** Mean ‖x − x̂‖². */
  readonly reconstruction: number;
}

/** Key of item i's full code tuple. */
export function tupleKey(codes: ArrayLike<number>, levels: number, i: number): string {
  return Array.from({ length: levels }, (_, d) => codes[i * levels + d] ?? 0).join(',');
}

/** Items per distinct full tuple. */
export function tupleGroups(codes: ArrayLike<number>, levels: number, items: number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < items; i++) {
    const key = tupleKey(codes, levels, i);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

function normalisedEntropy(usage: Int32Array, items: number): number {
  let h = 0;
  for (const c of usage) if (c > 0) h -= (c / items) * Math.log(c / items);
  return usage.length > 1 ? h / Math.log(usage.length) : 0;
}

/** Computes the metrics of an assignment made with K = `codes` codes per level. */
export function codebookMetrics(a: Assignment, codes: number): CodebookMetrics {
  const usages = Array.from({ length: a.levels }, (_, d) => codeUsage(a, d, codes));
  const groups = tupleGroups(a.codes, a.levels, a.items);
  return {
    items: a.items,
    levels: a.levels,
    codes,
    utilisation: usages.map((u) => u.filter((c) => c > 0).length / codes),
    usageEntropy: usages.map((u) => normalisedEntropy(u, a.items)),
    collisionRate: a.items === 0 ? 0 : 1 - groups.size / a.items,
    largestCollision: Math.max(0, ...[...groups.values()].map((g) => g.length)),
    reconstruction: a.reconstruction,
  };
}
