/**
 * Sampled candidate sets (1 target + N negatives) for the cases of any SplitResult. Popularity is
 * counted on TRAIN sequences only: counting valid/test interactions would let the sampler know
 * which items are about to be popular — a leak from the evaluation period into the protocol.
 * Every case draws from its own stream seeded by (seed, phase, user, historyEnd), so sets do not
 * depend on case order, and the seed and strategy are returned in a protocol record.
 */
import { RecForgeError } from '../../errors';
import { candidateRng, sampleNegativesWithoutReplacement, TARGET_SALT } from '../../eval/candidates';
import { sequenceOf, sortedUnique } from '../../train/itemSets';
import { createRng, mixSeed, type Rng } from '../../train/rng';
import { caseCount, caseHistory, type SplitResult } from './types';
import { sampleWeightedWithoutReplacement, weightTable, type WeightTable } from './weightedSampling';

/** How negatives are drawn. */
export interface CandidateOptions {
  readonly negatives: number;
  readonly strategy: 'uniform' | 'popularity';
  readonly seed: number;
  /** 'history' (default): the case's history + target; 'all-interactions': the user's whole timeline + target. */
  readonly exclude?: 'history' | 'all-interactions';
  /** Added to every item's train count for popularity sampling (default 0: unseen items are never drawn). */
  readonly smoothing?: number;
  /**
   * Items never drawn as negatives — e.g. the cold items of a cold-item split when sampling
   * VALIDATION candidates, so cold titles never reach a validation prompt.
   */
  readonly neverNegatives?: readonly number[];
}

/** Stored with every metric computed on these candidates. */
export interface CandidateProtocol {
  readonly kind: 'sampled';
  readonly phase: 'valid' | 'test';
  readonly strategy: 'uniform' | 'popularity';
  readonly popularitySource: 'train' | null;
  readonly negatives: number;
  readonly exclude: 'history' | 'all-interactions';
  readonly smoothing: number;
  /** How many items were banned as negatives (neverNegatives). */
  readonly neverNegatives: number;
  readonly seed: number;
  readonly counts: { readonly cases: number; readonly candidates: number };
}

/** Row k (items[k·width .. (k+1)·width)) holds case k's target at position 0, then its negatives. */
export interface CandidateSets {
  readonly width: number;
  readonly items: Int32Array;
  readonly protocol: CandidateProtocol;
}

/** Draws the candidate sets of one phase of a split. */
export function sampleCandidateSets(split: SplitResult, phase: 'valid' | 'test', opts: CandidateOptions): CandidateSets {
  if (!Number.isInteger(opts.negatives) || opts.negatives < 1) {
    throw new RecForgeError('validation', `negatives must be a positive integer, got ${opts.negatives}`, { file: 'eval', field: 'negatives' });
  }
  const cases = phase === 'valid' ? split.valid : split.test;
  const exclude = opts.exclude ?? 'history';
  const smoothing = opts.smoothing ?? 0;
  const table = opts.strategy === 'popularity' ? weightTable(trainPopularity(split, smoothing)) : null;
  const banned = opts.neverNegatives ?? [];
  const width = 1 + opts.negatives;
  const items = new Int32Array(caseCount(cases) * width);
  for (let k = 0; k < caseCount(cases); k++) {
    const target = cases.target[k] ?? 0;
    const user = cases.user[k] ?? 0;
    const seen = exclude === 'history' ? caseHistory(split, cases, k) : sequenceOf(split.timeline, user);
    const excluded = sortedUnique([...seen, target, ...banned]);
    const rng = caseRng(opts.seed, phase, user, cases.historyEnd[k] ?? 0);
    items[k * width] = target;
    items.set(drawNegatives(rng, split.numItems, excluded, opts.negatives, table), k * width + 1);
  }
  const protocol: CandidateProtocol = {
    kind: 'sampled',
    phase,
    strategy: opts.strategy,
    popularitySource: table ? 'train' : null,
    negatives: opts.negatives,
    exclude,
    smoothing,
    neverNegatives: new Set(banned).size,
    seed: opts.seed,
    counts: { cases: caseCount(cases), candidates: items.length },
  };
  return { width, items, protocol };
}

/** Training-interaction count per item (index = item), plus `smoothing` for items 1..numItems. */
export function trainPopularity(split: SplitResult, smoothing: number): Float64Array {
  const counts = new Float64Array(split.numItems + 1);
  for (let it = 1; it <= split.numItems; it++) counts[it] = smoothing;
  for (const it of split.train.values) if (it >= 1 && it <= split.numItems) counts[it] = (counts[it] ?? 0) + 1;
  return counts;
}

/** Case stream: the eval stream of the user, further mixed with the history length. */
function caseRng(seed: number, phase: 'valid' | 'test', user: number, historyEnd: number): Rng {
  const base = candidateRng(seed, user, phase).nextUint32();
  return createRng(mixSeed(base, TARGET_SALT[phase], historyEnd));
}

function drawNegatives(rng: Rng, numItems: number, excluded: Int32Array, n: number, table: WeightTable | null): Int32Array {
  return table ? sampleWeightedWithoutReplacement(rng, table, excluded, n) : sampleNegativesWithoutReplacement(rng, numItems, excluded, n);
}

/** Candidates of case k (a view). */
export function candidatesOf(sets: CandidateSets, k: number): Int32Array {
  return sets.items.subarray(k * sets.width, (k + 1) * sets.width);
}
