/**
 * Leave-one-out evaluation of a SequentialRecModel: sampled (target + N uniform negatives) and
 * full ranking (all items except the user's history). Users are scored in batches to bound
 * memory; ranks are pessimistic (ties count against the target).
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../errors';
import type { EvalConfig, EvalProtocol, MetricRecord } from '../protocol/dto';
import type { LeaveOneOutData } from '../protocol/worker';
import type { SequentialRecModel } from '../models/types';
import { writeRightAligned } from '../train/itemSets';
import { candidateRng, sampleNegativesWithoutReplacement } from './candidates';
import { chanceLevel } from './chance';
import { evaluableUsers, historyFor, interactedItems, targetOf, type EvalTarget } from './histories';
import { pessimisticRank, RankAccumulator } from './metrics';

/** Optional cooperative hooks: yield between batches, stop when cancelled. */
export interface EvalHooks {
  yieldToEventLoop?(): Promise<void>;
  isCancelled?(): boolean;
}

/** Cut-off of HR and NDCG. */
export const EVAL_K = 10;
/** Users scored per batch in sampled evaluation. */
const SAMPLED_BATCH = 256;
/** Score-matrix budget (floats) per full-ranking batch. */
const FULL_BUDGET = 1 << 22;

async function forEachBatch(users: Int32Array, size: number, hooks: EvalHooks, fn: (batch: Int32Array) => Promise<void>): Promise<void> {
  for (let start = 0; start < users.length; start += size) {
    await fn(users.subarray(start, start + size));
    await hooks.yieldToEventLoop?.();
    if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'evaluation cancelled');
  }
}

function historyInputs(data: LeaveOneOutData, users: Int32Array, target: EvalTarget, maxLen: number): Int32Array {
  const out = new Int32Array(users.length * maxLen);
  users.forEach((u, r) => writeRightAligned(historyFor(data, u, target), out, r * maxLen, maxLen));
  return out;
}

/**
 * Runs a scoring function on int32 inputs and reads the scores back (tensors freed). Reads
 * asynchronously, as GPU backends need (WebGPU has no reliable synchronous read-back).
 */
async function score(model: SequentialRecModel, inputs: Int32Array, rows: number, candidates: Int32Array | null): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const x = tf.tensor2d(inputs, [rows, model.maxLen], 'int32');
    if (candidates === null) return model.scoreAll(x);
    return model.scoreCandidates(x, tf.tensor2d(candidates, [rows, candidates.length / rows], 'int32'));
  });
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}

/** What a random scorer would get, per metric (each record carries its own). */
interface Chance {
  readonly hr: number;
  readonly ndcg: number;
  readonly mrr: number;
}

function toRecords(acc: RankAccumulator, protocol: EvalProtocol, chance: Chance): MetricRecord[] {
  const m = acc.means();
  return [
    { name: 'HR', k: acc.k, value: m.hr, protocol: { ...protocol, chance: chance.hr } },
    { name: 'NDCG', k: acc.k, value: m.ndcg, protocol: { ...protocol, chance: chance.ndcg } },
    { name: 'MRR', k: null, value: m.mrr, protocol: { ...protocol, chance: chance.mrr } },
  ];
}

/** Chance at cut-off k among n candidates. */
function chanceAmong(n: number, k: number): Chance {
  const c = chanceLevel(n, [k]);
  return { hr: c.hr[k] ?? 0, ndcg: c.ndcg[k] ?? 0, mrr: c.mrr };
}

/** Mean chance over users whose candidate counts differ (full ranking: every item but the user's history). */
class ChanceMean {
  private readonly byCount = new Map<number, Chance>();
  private readonly sum = { hr: 0, ndcg: 0, mrr: 0 };
  private users = 0;

  constructor(private readonly k: number) {}

  add(candidates: number): void {
    let c = this.byCount.get(candidates);
    if (c === undefined) this.byCount.set(candidates, (c = chanceAmong(candidates, this.k)));
    this.sum.hr += c.hr;
    this.sum.ndcg += c.ndcg;
    this.sum.mrr += c.mrr;
    this.users += 1;
  }

  mean(): Chance {
    const n = Math.max(1, this.users);
    return { hr: this.sum.hr / n, ndcg: this.sum.ndcg / n, mrr: this.sum.mrr / n };
  }
}

/** The target in column 0, then the user's sampled negatives. */
function sampledCandidates(data: LeaveOneOutData, users: Int32Array, target: EvalTarget, negatives: number, seed: number): Int32Array {
  const width = negatives + 1;
  const out = new Int32Array(users.length * width);
  users.forEach((u, r) => {
    out[r * width] = targetOf(data, u, target);
    const negs = sampleNegativesWithoutReplacement(candidateRng(seed, u, target), data.numItems, interactedItems(data, u), negatives);
    out.set(negs, r * width + 1);
  });
  return out;
}

/** HR@10, NDCG@10 and MRR with 1 + `negatives` sampled candidates per user. */
export async function evaluateSampled(
  model: SequentialRecModel,
  data: LeaveOneOutData,
  target: EvalTarget,
  negatives: number,
  seed: number,
  hooks: EvalHooks = {},
): Promise<MetricRecord[]> {
  const users = evaluableUsers(data, target);
  const acc = new RankAccumulator(EVAL_K);
  const width = negatives + 1;
  await forEachBatch(users, SAMPLED_BATCH, hooks, async (batch) => {
    const cands = sampledCandidates(data, batch, target, negatives, seed);
    const scores = await score(model, historyInputs(data, batch, target, model.maxLen), batch.length, cands);
    for (let r = 0; r < batch.length; r++) {
      acc.add(pessimisticRank(scores[r * width] as number, scores.subarray(r * width + 1, (r + 1) * width)));
    }
  });
  const candidates = { kind: 'sampled', negatives, sampler: 'uniform', seed } as const;
  return toRecords(acc, { split: 'leave-one-out', target, candidates, excludeHistory: true, users: acc.users }, chanceAmong(width, EVAL_K));
}

/** Rank of `targetItem` among items 1..N not marked in `excluded` (the target itself always competes). */
function fullRank(row: Float32Array, targetItem: number, excluded: Uint8Array): number {
  const t = row[targetItem] as number;
  let rank = 0;
  for (let i = 1; i < row.length; i++) {
    if (i === targetItem || excluded[i] === 1) continue;
    if (!((row[i] as number) < t)) rank++;
  }
  return rank;
}

/** HR@10, NDCG@10 and MRR ranking every item except the user's history items. */
export async function evaluateFull(model: SequentialRecModel, data: LeaveOneOutData, target: EvalTarget, hooks: EvalHooks = {}): Promise<MetricRecord[]> {
  const users = evaluableUsers(data, target);
  const acc = new RankAccumulator(EVAL_K);
  const chance = new ChanceMean(EVAL_K);
  const cols = data.numItems + 1;
  const excluded = new Uint8Array(cols);
  const batchSize = Math.max(1, Math.min(SAMPLED_BATCH, Math.floor(FULL_BUDGET / cols)));
  await forEachBatch(users, batchSize, hooks, async (batch) => {
    const scores = await score(model, historyInputs(data, batch, target, model.maxLen), batch.length, null);
    batch.forEach((u, r) => {
      const history = historyFor(data, u, target);
      const item = targetOf(data, u, target);
      let hidden = 0; // distinct history items other than the target (it always competes)
      for (const i of history) {
        if (excluded[i] !== 1 && i !== item) hidden++;
        excluded[i] = 1;
      }
      acc.add(fullRank(scores.subarray(r * cols, (r + 1) * cols), item, excluded));
      chance.add(data.numItems - hidden);
      for (const i of history) excluded[i] = 0;
    });
  });
  return toRecords(acc, { split: 'leave-one-out', target, candidates: { kind: 'full' }, excludeHistory: true, users: acc.users }, chance.mean());
}

/**
 * The metric set of a finished run: test sampled, test full (when config.fullRanking), and
 * valid sampled. Throws RecForgeError('cancelled') if hooks report cancellation.
 */
export async function evaluateModel(model: SequentialRecModel, data: LeaveOneOutData, config: EvalConfig, hooks: EvalHooks = {}): Promise<MetricRecord[]> {
  const out = await evaluateSampled(model, data, 'test', config.negatives, config.seed, hooks);
  if (config.fullRanking) out.push(...(await evaluateFull(model, data, 'test', hooks)));
  out.push(...(await evaluateSampled(model, data, 'valid', config.negatives, config.seed, hooks)));
  return out;
}
