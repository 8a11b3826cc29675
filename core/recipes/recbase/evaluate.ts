/**
 * Scores the held-out cases: the decoder's log-likelihood of each candidate's code sequence after
 * the user's history (scoreCandidateSets, prompt KV cache shared), and the popularity baseline of
 * the same cases (H-train interaction counts), both as mean per-case AUC.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { scoreCandidateSets } from '../../models/lm/scoring/scoreCandidates';
import { meanAuc } from './auc';
import { promptTokens, tokensOfItem } from './codeSequences';
import type { ItemTokenizer } from './codeSequences';
import type { HeldOutCase } from './heldOut';

/** Cases per scoring call (bounds the memory of one call). */
const CHUNK = 64;

/**
 * Mean AUC of the decoder on `cases` with a history window of `windowItems` items. A candidate's
 * score is the log-likelihood of its first `scoredTokens` ID tokens (its leading code levels;
 * all of the ID when undefined): log p(c_1..c_n | history), the joint of a prefix of the ID.
 */
export async function lmAuc(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, t: ItemTokenizer, cases: readonly HeldOutCase[], windowItems: number, scoredTokens?: number): Promise<number> {
  const rows: number[][] = [];
  for (let from = 0; from < cases.length; from += CHUNK) {
    const requests = cases.slice(from, from + CHUNK).map((k) => ({ prompt: promptTokens(t, k.history, windowItems), candidates: k.candidates.map((g) => tokensOfItem(t, g).slice(0, scoredTokens)) }));
    const scores = await scoreCandidateSets(c, weights, requests, { shared: true });
    for (const row of scores) rows.push(row.map((s) => s.logLik));
  }
  return meanAuc(rows);
}

/** Mean AUC of ranking candidates by their H-train popularity. */
export function popularityAuc(cases: readonly HeldOutCase[], popularity: Float64Array): number {
  return meanAuc(cases.map((k) => k.candidates.map((g) => popularity[g] ?? 0)));
}
