/**
 * Reference scoring: every candidate runs as one full sequence prompt + candidate. Simple and
 * obviously right (no cache tricks), and the baseline the shared-prefix path must match.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../config';
import { disposeKvCache, lmForward } from '../forward';
import { LogLikAccumulator, PickList } from './accumulator';
import { chunks, rightPadded } from './batching';
import type { ScoreRow } from './types';
import type { ProjectionDelta } from '../layers';

/**
 * Feeds prompt + candidate without its last token (its successor is never scored); token j of the
 * candidate is scored at input position |prompt| + j − 1. Right padding sits after every scored
 * position, and the causal mask hides later keys, so padding cannot change a score.
 */
async function scoreChunk(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, rows: readonly ScoreRow[], acc: LogLikAccumulator, delta?: ProjectionDelta): Promise<void> {
  const inputs = rows.map((r) => [...r.prompt, ...r.candidate].slice(0, -1));
  const width = Math.max(...inputs.map((x) => x.length));
  const picks = new PickList();
  rows.forEach((r, b) => r.candidate.forEach((tok, j) => picks.push(b * width + r.prompt.length + j - 1, tok, r.out)));
  const ids = rightPadded(inputs, width);
  const { logits, cache } = lmForward(c, weights, ids, delta ? { delta } : {});
  ids.dispose();
  disposeKvCache(cache);
  try {
    await acc.add(logits, picks);
  } finally {
    logits.dispose();
  }
}

/** Scores every row with full-sequence forwards, `batchSize` rows at a time. */
export async function scoreNaive(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, rows: readonly ScoreRow[], batchSize: number, delta?: ProjectionDelta): Promise<LogLikAccumulator> {
  const acc = new LogLikAccumulator(rows.length);
  for (const chunk of chunks(rows, batchSize)) await scoreChunk(c, weights, chunk, acc, delta);
  return acc;
}
