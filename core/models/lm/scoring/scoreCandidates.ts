/**
 * Log-likelihood of candidate continuations given a prompt — the ranking signal of LLM
 * recommenders that score item titles or semantic IDs instead of generating free text.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../../errors';
import { checkAttentionSpan, type LmConfig } from '../config';
import type { LogLikAccumulator } from './accumulator';
import { scoreNaive } from './naive';
import { scoreShared } from './shared';
import { DEFAULT_SCORE_BATCH } from './types';
import type { CandidateScore, ScoreOptions, ScoreRequest, ScoreRow } from './types';

function checkTokens(c: LmConfig, tokens: readonly number[], what: string): void {
  if (tokens.length === 0) throw new RecForgeError('validation', `${what} is empty`);
  for (const t of tokens) {
    if (!Number.isInteger(t) || t < 0 || t >= c.vocabSize) throw new RecForgeError('validation', `${what} has token ${t}, outside [0, ${c.vocabSize})`);
  }
}

/** Validates every request and flattens their candidates into rows, in request order. */
function flatten(c: LmConfig, requests: readonly ScoreRequest[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  requests.forEach((req, request) => {
    checkTokens(c, req.prompt, `prompt ${request}`);
    req.candidates.forEach((cand, k) => {
      checkTokens(c, cand, `candidate ${k} of prompt ${request}`);
      checkAttentionSpan(c, req.prompt.length + cand.length - 1); // the last candidate token is never fed
      rows.push({ request, prompt: req.prompt, candidate: cand, out: rows.length });
    });
  });
  return rows;
}

function batchSizeOf(opts: ScoreOptions): number {
  const b = opts.batchSize ?? DEFAULT_SCORE_BATCH;
  if (!Number.isInteger(b) || b < 1) throw new RecForgeError('validation', `batchSize must be a positive integer, got ${b}`);
  return b;
}

function toScores(acc: LogLikAccumulator, from: number, count: number): CandidateScore[] {
  return Array.from({ length: count }, (_, i) => {
    const logLik = acc.sums[from + i] as number;
    const tokens = acc.counts[from + i] as number;
    return { logLik, meanLogLik: logLik / tokens, tokens };
  });
}

/**
 * Scores the candidates of several prompts; result[i][k] belongs to requests[i].candidates[k].
 * With `shared`, prompts of equal length also share one forward pass.
 */
export async function scoreCandidateSets(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, requests: readonly ScoreRequest[], opts: ScoreOptions): Promise<CandidateScore[][]> {
  const rows = flatten(c, requests);
  const batch = batchSizeOf(opts);
  const acc = opts.shared ? await scoreShared(c, weights, rows, batch, opts.delta) : await scoreNaive(c, weights, rows, batch, opts.delta);
  let from = 0;
  return requests.map((req) => {
    const out = toScores(acc, from, req.candidates.length);
    from += req.candidates.length;
    return out;
  });
}

/**
 * log p(candidate | prompt) = Σ_j log p(c_j | prompt, c_<j) for each candidate, plus the per-token
 * mean. Both modes give the same scores (within float32 rounding); `shared: true` runs the prompt
 * once instead of once per candidate.
 * @example const [a, b] = await scoreCandidates(cfg, w, [1, 9, 4], [[7], [8, 2]], { shared: true });
 */
export async function scoreCandidates(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  prompt: readonly number[],
  candidates: readonly (readonly number[])[],
  opts: ScoreOptions,
): Promise<CandidateScore[]> {
  const [scores] = await scoreCandidateSets(c, weights, [{ prompt, candidates }], opts);
  return scores ?? [];
}
