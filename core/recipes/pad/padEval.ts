/**
 * Warm and cold evaluation on a cold-item split (PAD §4.1 reports warm and cold items separately).
 * Cold: the split's test cases (targets never seen in training). Warm: the split's validation
 * cases whose target occurs in training (each user's last warm interaction, held out of training;
 * no model selection uses them, so they are an unbiased warm test). Candidates are the run's
 * PadCandidates (drawn once, before training); the warm sets never contain cold items. Every
 * record carries its protocol.
 */
import * as tf from '@tensorflow/tfjs';
import { candidatesOf, type CandidateProtocol, type CandidateSets } from '../../data/splits/candidates';
import { caseHistory, type EvalCases, type SplitProtocol, type SplitResult } from '../../data/splits/types';
import { pessimisticRank, RankAccumulator } from '../../eval/metrics';
import { writeRightAligned } from '../../train/itemSets';
import { createRng, shuffleInPlace } from '../../train/rng';
import { itemFrequency } from './frequency';
import type { PadCandidates } from './padCandidates';
import type { CandidateScorer } from './padScore';

/** Evaluation knobs. */
export interface PadEvalSettings {
  readonly negatives: number; // sampled negatives per case (99 → 1 + 99 candidates)
  readonly k: number; // cut-off of HR and NDCG (10)
  readonly maxCases: number; // per segment; larger segments are subsampled (seeded)
  readonly seed: number; // candidates and subsampling
}

/** How a PAD metric was measured. */
export interface PadProtocol {
  readonly segment: 'warm' | 'cold';
  readonly split: SplitProtocol;
  readonly candidates: CandidateProtocol;
  readonly cases: number;
  /** Cases the segment has (cases < available when subsampled). */
  readonly available: number;
  readonly subsampled: boolean;
  readonly ranks: 'pessimistic (ties count against the target)';
}

/** One metric value with its protocol. */
export interface PadMetric {
  readonly name: 'HR' | 'NDCG' | 'MRR';
  readonly k: number | null;
  readonly value: number;
  readonly protocol: PadProtocol;
}

/**
 * Case indices of a segment. Warm keeps only validation targets that occur in training: an item
 * whose sole interaction is some user's last one is unseen by every model, i.e. not warm.
 */
function segmentCases(split: SplitResult, segment: 'warm' | 'cold'): number[] {
  if (segment === 'cold') return Array.from({ length: split.test.user.length }, (_, i) => i);
  const freq = itemFrequency(split.train, split.numItems);
  const out: number[] = [];
  split.valid.target.forEach((it, c) => { if ((freq[it] ?? 0) > 0) out.push(c); });
  return out;
}

/** At most `max` of `cases`, a seeded subsample when there are more (ascending). */
function chosenCases(cases: number[], max: number, seed: number): Int32Array {
  if (cases.length > max) shuffleInPlace(cases, createRng(seed));
  return Int32Array.from(cases.slice(0, max)).sort();
}

function rankBatch(scorer: CandidateScorer, inputs: Int32Array, cands: Int32Array, rows: number, width: number, maxLen: number, acc: RankAccumulator): void {
  const scores = tf.tidy(() => scorer(tf.tensor2d(inputs, [rows, maxLen], 'int32'), tf.tensor2d(cands, [rows, width], 'int32')));
  const v = scores.dataSync();
  scores.dispose();
  for (let r = 0; r < rows; r++) acc.add(pessimisticRank(v[r * width] ?? NaN, v.subarray(r * width + 1, (r + 1) * width)));
}

/** Ranks of `cases` under `scorer`, in batches of 256. */
async function rankCases(split: SplitResult, cases: EvalCases, idx: Int32Array, sets: CandidateSets, scorer: CandidateScorer, maxLen: number, k: number, yieldFn?: () => Promise<void>): Promise<RankAccumulator> {
  const acc = new RankAccumulator(k);
  for (let s = 0; s < idx.length; s += 256) {
    const part = idx.subarray(s, s + 256);
    const inputs = new Int32Array(part.length * maxLen);
    const cands = new Int32Array(part.length * sets.width);
    part.forEach((c, r) => {
      writeRightAligned(caseHistory(split, cases, c), inputs, r * maxLen, maxLen);
      cands.set(candidatesOf(sets, c), r * sets.width);
    });
    rankBatch(scorer, inputs, cands, part.length, sets.width, maxLen, acc);
    await yieldFn?.();
  }
  return acc;
}

/** HR@k, NDCG@k and MRR of `scorer` on the warm and the cold segment of a cold-item split (`candidates` drawn with `e`'s negatives and seed). */
export async function evaluateWarmCold(split: SplitResult, candidates: PadCandidates, scorer: CandidateScorer, maxLen: number, e: PadEvalSettings, yieldFn?: () => Promise<void>): Promise<PadMetric[]> {
  const out: PadMetric[] = [];
  for (const segment of ['warm', 'cold'] as const) {
    const cases = segment === 'warm' ? split.valid : split.test;
    const sets = candidates[segment];
    const eligible = segmentCases(split, segment);
    const idx = chosenCases([...eligible], e.maxCases, e.seed);
    const acc = await rankCases(split, cases, idx, sets, scorer, maxLen, e.k, yieldFn);
    const protocol: PadProtocol = { segment, split: split.protocol, candidates: sets.protocol, cases: idx.length, available: eligible.length, subsampled: idx.length < eligible.length, ranks: 'pessimistic (ties count against the target)' };
    const m = acc.means();
    out.push({ name: 'HR', k: e.k, value: m.hr, protocol }, { name: 'NDCG', k: e.k, value: m.ndcg, protocol }, { name: 'MRR', k: null, value: m.mrr, protocol });
  }
  return out;
}
