/**
 * One target-domain split serving both RecCocktail scenarios (§4.1). Cold: the new-item split —
 * test targets are items that never occur in training or validation (core coldItemSplit). Warm:
 * a seeded sample of users is evaluated; on each one's warm timeline the last warm behaviour is
 * the warm test target, the one before it the validation target, the rest is training. Users
 * outside the sample keep their whole warm timeline for training. So one ingredient (trained on
 * train only) serves both scenarios, validation (for the λ grid) is warm, and nothing either test
 * uses is ever a training target.
 *
 * Why a sample: the leakage guard removes every evaluated user from the general (base-spirit)
 * corpus; when all users share one identity space (the demo: the same people in every domain),
 * evaluating everybody would leave the base spirit almost nothing to learn from.
 */
import { coldItemSplit } from '../../data/splits/coldSplit';
import type { InteractionColumns } from '../../data/splits/columns';
import { CaseBuilder, packSequences, type EvalCases, type SplitResult } from '../../data/splits/types';
import { createRng, mixSeed, shuffleInPlace } from '../../train/rng';

/** The split with its two test sets. `split.test` holds both (for the overlap guard). */
export interface ScenarioSplit {
  readonly split: SplitResult;
  readonly warm: SplitResult;
  readonly cold: SplitResult;
  readonly coldItems: readonly number[];
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
  readonly seed: number;
}

function concatCases(a: EvalCases, b: EvalCases): EvalCases {
  const cat = (x: Int32Array, y: Int32Array): Int32Array => Int32Array.from([...x, ...y]);
  return { user: cat(a.user, b.user), target: cat(a.target, b.target), historyEnd: cat(a.historyEnd, b.historyEnd) };
}

function firstCases(c: EvalCases, n: number): EvalCases {
  return { user: c.user.slice(0, n), target: c.target.slice(0, n), historyEnd: c.historyEnd.slice(0, n) };
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
  const ct = firstCases(cold.test, o.coldCases);
  const counts = { users: numUsers, trainInteractions: packed.values.length, validCases: v.user.length, testCases: wt.user.length + ct.user.length };
  const params = { ...cold.protocol.params, warmUsers: v.user.length, warmTest: 'last warm behaviour', valid: 'second-to-last warm behaviour', userSampleSeed: o.seed };
  const protocol = { ...cold.protocol, params, counts };
  const split: SplitResult = { ...cold, train: packed, valid: v, test: concatCases(wt, ct), protocol };
  const coldItems: number[] = [];
  for (const t of cold.test.target) if (!coldItems.includes(t)) coldItems.push(t);
  return { split, warm: { ...split, test: wt }, cold: { ...split, test: ct }, coldItems };
}
