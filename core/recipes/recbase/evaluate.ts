/**
 * Scores the held-out cases: the decoder's log-likelihood of each candidate's code sequence after
 * the user's history (scoreCandidateSets, prompt KV cache shared), and the popularity baseline of
 * the same cases (H-train interaction counts), both as mean per-case AUC. Scoring 10k cases takes
 * minutes, so a pass reports the cases done and checks for cancellation after every chunk.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { scoreCandidateSets } from '../../models/lm/scoring/scoreCandidates';
import { meanAuc } from './auc';
import { promptTokens, tokensOfItem } from './codeSequences';
import type { ItemTokenizer } from './codeSequences';
import type { HeldOutCase } from './heldOut';

/** Cases per scoring call (bounds the memory of one call). */
const CHUNK = 64;

/** What a scoring pass does between chunks; every hook optional. */
export interface ScoringHooks {
  /** Polled after every chunk; true ends the pass with RecForgeError('cancelled'). */
  isCancelled?(): boolean;
  /** Awaited after every chunk so a cancel message gets in. */
  yieldToEventLoop?(): Promise<void>;
  /** Cases of this pass scored so far, after every chunk. */
  onCases?(done: number): void;
}

async function afterChunk(done: number, hooks: ScoringHooks): Promise<void> {
  hooks.onCases?.(done);
  await hooks.yieldToEventLoop?.();
  if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'RecBase evaluation was cancelled');
}

/**
 * Mean AUC of the decoder on `cases` with a history window of `windowItems` items. A candidate's
 * score is the log-likelihood of its first `scoredTokens` ID tokens (its leading code levels;
 * all of the ID when undefined): log p(c_1..c_n | history), the joint of a prefix of the ID.
 */
export async function lmAuc(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, t: ItemTokenizer, cases: readonly HeldOutCase[], windowItems: number, scoredTokens?: number, hooks: ScoringHooks = {}): Promise<number> {
  const rows: number[][] = [];
  for (let from = 0; from < cases.length; from += CHUNK) {
    const requests = cases.slice(from, from + CHUNK).map((k) => ({ prompt: promptTokens(t, k.history, windowItems), candidates: k.candidates.map((g) => tokensOfItem(t, g).slice(0, scoredTokens)) }));
    const scores = await scoreCandidateSets(c, weights, requests, { shared: true });
    for (const row of scores) rows.push(row.map((s) => s.logLik));
    await afterChunk(rows.length, hooks);
  }
  return meanAuc(rows);
}

/** Mean AUC of ranking candidates by their H-train popularity. */
export function popularityAuc(cases: readonly HeldOutCase[], popularity: Float64Array): number {
  return meanAuc(cases.map((k) => k.candidates.map((g) => popularity[g] ?? 0)));
}
