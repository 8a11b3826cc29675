/**
 * Generative evaluation of an LLM recommender (RecCocktail §4.1: the model writes the next
 * item). Free greedy generation gives the valid ratio — the share of outputs that are an item of
 * the catalogue — a tiny or badly tuned model often writes titles that do not exist. Generation
 * constrained to the case's 1 + N candidates (a token trie) always yields one of them; its hit
 * rate is HR@1 of generation, whose chance level is 1/(1 + N).
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import { constrainedDecode } from '../../models/lm/constrained/beamSearch';
import { TokenTrie } from '../../models/lm/constrained/trie';
import { greedyDecode } from '../../models/lm/generate';
import type { ProjectionDelta } from '../../models/lm/layers';
import type { RankCase } from './rankEval';

/** Generation metrics over a case set. */
export interface GenerationMetrics {
  readonly cases: number;
  /** Free greedy outputs that are an item of the catalogue. */
  readonly validRatio: number;
  /** Constrained outputs equal to the target (HR@1 of generation). */
  readonly constrainedHit: number;
}

const key = (ids: readonly number[]): string => ids.join(',');

/**
 * A hit only when the generated text is the target's and no negative reads the same (same-title
 * items merge in the trie): ties count against the target, as in the rankers.
 */
function isUniqueTarget(c: RankCase, generated: string): boolean {
  if (generated !== key(c.candidates[c.targetIndex] ?? [])) return false;
  return c.candidates.every((cand, i) => i === c.targetIndex || key(cand) !== generated);
}

/**
 * Generates for every case. `catalog`: the token ids of every item as an answer (the same
 * " text" + EOS form as the candidates); `eosId` ends free generation.
 */
export async function generationMetrics(
  lm: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  cases: readonly RankCase[],
  catalog: readonly (readonly number[])[],
  eosId: number,
  delta?: ProjectionDelta,
): Promise<GenerationMetrics> {
  const items = new Set(catalog.map(key));
  const maxLen = Math.max(1, ...catalog.map((c) => c.length));
  const extra = delta ? { delta } : {};
  let valid = 0;
  let hits = 0;
  for (const c of cases) {
    const free = await greedyDecode(lm, weights, c.prompt, { maxNewTokens: maxLen, stopTokens: [eosId], ...extra });
    if (items.has(key(free))) valid++;
    const constrained = await constrainedDecode(lm, weights, c.prompt, TokenTrie.from(c.candidates), { maxLen, ...extra });
    if (constrained !== null && isUniqueTarget(c, key(constrained.tokens))) hits++;
  }
  const n = Math.max(1, cases.length);
  return { cases: cases.length, validRatio: valid / n, constrainedHit: hits / n };
}
