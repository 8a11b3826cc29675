/**
 * One target-domain split serving both RecCocktail scenarios (§4.1). Cold: the new-item split —
 * test targets are items that never occur in training or validation (core coldItemSplit). Warm:
 * a seeded sample of users is evaluated; on each one's warm timeline the last warm behaviour is
 * the warm test target, the one before it the validation target, the rest is training. Users
 * outside the sample keep their whole warm timeline for training. So one ingredient (trained on
 * train only) serves both scenarios and nothing either test uses is ever a training target. Warm
 * validation picks the grid λ for warm items; a seeded share of the new items (never test
 * targets, never trained on) gives a cold validation slice that picks it for new items.
 *
 * Why a sample: the leakage guard removes every evaluated user from the general (base-spirit)
 * corpus; when all users share one identity space (the demo: the same people in every domain),
 * evaluating everybody would leave the base spirit almost nothing to learn from.
 */
import { coldItemSplit, coldItemsOf } from '../../data/splits/coldSplit';
import type { InteractionColumns } from '../../data/splits/columns';
import { CaseBuilder, packSequences, type EvalCases, type SplitResult } from '../../data/splits/types';
import { createRng, mixSeed, shuffleInPlace } from '../../train/rng';

/** The split with its test sets. `split.test` holds them all (for the overlap guard). */
export interface ScenarioSplit {
  readonly split: SplitResult;
  readonly warm: SplitResult;
  readonly cold: SplitResult;
  /** Cases (as `test`) whose targets are the new items set aside for validation; empty when none are. */
  readonly coldValid: SplitResult;
  /** The new items that are targets of cold cases (test and validation ones). */
  readonly coldItems: readonly number[];
  /** Every item the split made new, with or without a case: never a negative in warm sets. */
  readonly newItems: readonly number[];
  /** The new items whose cases validate λ for the new-item scenario (never test targets). */
  readonly coldValidItems: readonly number[];
}

/** How the scenarios are drawn. */
export interface ScenarioOptions {
  readonly coldFraction: number;
  /** newest: the items that appeared last in time; random: a seeded draw (uses `seed`). */
  readonly coldStrategy: 'newest' | 'random';
  /** Users with warm valid/test cases (seeded sample of those with ≥ 3 warm behaviours). */
  readonly warmUsers: number;
  /** Cold test cases kept (first ones, in user order); the others' users are not protected. */
  readonly coldCases: number;
  /**
   * Share of the new items set aside (seeded) as a cold validation slice: their cases pick λ for
   * the new-item scenario the way warm validation does for warm items; 0 = none.
   */
  readonly coldValidShare: number;
  readonly seed: number;
}

function concatCases(a: EvalCases, b: EvalCases): EvalCases {
  const cat = (x: Int32Array, y: Int32Array): Int32Array => Int32Array.from([...x, ...y]);
  return { user: cat(a.user, b.user), target: cat(a.target, b.target), historyEnd: cat(a.historyEnd, b.historyEnd) };
}

function firstCases(c: EvalCases, n: number): EvalCases {
  return { user: c.user.slice(0, n), target: c.target.slice(0, n), historyEnd: c.historyEnd.slice(0, n) };
}

/** The first `n` cases whose target satisfies `keep`. */
function casesWhere(c: EvalCases, keep: (target: number) => boolean, n: number): EvalCases {
  const idx: number[] = [];
  for (let k = 0; k < c.target.length && idx.length < n; k++) if (keep(c.target[k] ?? 0)) idx.push(k);
  const pick = (a: Int32Array): Int32Array => Int32Array.from(idx, (k) => a[k] ?? 0);
  return { user: pick(c.user), target: pick(c.target), historyEnd: pick(c.historyEnd) };
}

/** A seeded share of the new items, set aside for validation (none when the share rounds to 0 or leaves no test item). */
function coldValidationItems(coldItems: readonly number[], share: number, seed: number): Set<number> {
  const order = coldItems.slice();
  shuffleInPlace(order, createRng(mixSeed(seed, 0xc01d)));
  const n = Math.round(order.length * share);
  return new Set(n > 0 && n < order.length ? order.slice(0, n) : []);
}

/** A seeded sample of `n` users among those whose warm timeline has ≥ 3 items, in user order. */
function sampleUsers(timeline: SplitResult['timeline'], n: number, seed: number): Set<number> {
  const eligible: number[] = [];
  for (let u = 0; u + 1 < timeline.offsets.length; u++) if ((timeline.offsets[u + 1] ?? 0) - (timeline.offsets[u] ?? 0) >= 3) eligible.push(u);
  shuffleInPlace(eligible, createRng(mixSeed(seed, 0x5ce)));
  return new Set(eligible.slice(0, n));
}

/** Builds the warm and cold scenarios of the target domain's rows. */
export function scenarioSplit(rows: InteractionColumns, numItems: number, numUsers: number, o: ScenarioOptions): ScenarioSplit {
  const strategy = o.coldStrategy === 'random' ? ({ kind: 'random', seed: o.seed } as const) : ({ kind: 'newest' } as const);
  const cold = coldItemSplit(rows, numItems, { fraction: o.coldFraction, strategy }, numUsers);
  const evaluated = sampleUsers(cold.timeline, o.warmUsers, o.seed);
  const valid = new CaseBuilder();
  const warmTest = new CaseBuilder();
  const train: number[][] = [];
  for (let u = 0; u < numUsers; u++) {
    const seq = Array.from(cold.timeline.values.subarray(cold.timeline.offsets[u] ?? 0, cold.timeline.offsets[u + 1] ?? 0));
    if (evaluated.has(u)) {
      valid.add(u, seq[seq.length - 2] ?? 0, seq.length - 2);
      warmTest.add(u, seq[seq.length - 1] ?? 0, seq.length - 1);
    }
    train.push(evaluated.has(u) ? seq.slice(0, -2) : seq);
  }
  const packed = packSequences(train);
  const wt = warmTest.build();
  const v = valid.build();
  const coldItems: number[] = [];
  for (const t of cold.test.target) if (!coldItems.includes(t)) coldItems.push(t);
  const validItems = coldValidationItems(coldItems, o.coldValidShare, o.seed);
  const ct = validItems.size === 0 ? firstCases(cold.test, o.coldCases) : casesWhere(cold.test, (t) => !validItems.has(t), o.coldCases);
  const cv = casesWhere(cold.test, (t) => validItems.has(t), validItems.size === 0 ? 0 : o.coldCases);
  const counts = { users: numUsers, trainInteractions: packed.values.length, validCases: v.user.length + cv.user.length, testCases: wt.user.length + ct.user.length };
  const params = { ...cold.protocol.params, warmUsers: v.user.length, warmTest: 'last warm behaviour', valid: 'second-to-last warm behaviour', userSampleSeed: o.seed, coldValidItems: validItems.size, coldValidCases: cv.user.length };
  const protocol = { ...cold.protocol, params, counts };
  // Cold validation cases sit with the tests for the overlap guard: their users and items stay out of the general corpus too.
  const split: SplitResult = { ...cold, train: packed, valid: v, test: concatCases(concatCases(wt, ct), cv), protocol };
  return { split, warm: { ...split, test: wt }, cold: { ...split, test: ct }, coldValid: { ...split, test: cv }, coldItems, newItems: coldItemsOf(cold), coldValidItems: [...validItems] };
}
