/**
 * Constrained beam search: the decoder may only emit complete sequences of a TokenTrie (an item
 * catalogue as titles or semantic IDs), so generative recommendation never returns a
 * non-existent item. The prompt runs once; each step feeds one token per live beam against the
 * KV cache, reordered to the surviving beams' parents.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../../errors';
import type { LmConfig } from '../config';
import { disposeKvCache, lmForward } from '../forward';
import type { KvCache } from '../forward';
import type { ProjectionDelta } from '../layers';
import { gatherKvCache } from './cacheOps';
import { allowedMask, topAllowed } from './maskedTopK';
import type { Expansion } from './maskedTopK';
import type { TokenTrie } from './trie';

/** Options of constrainedBeamSearch. */
export interface ConstrainedBeamOptions {
  /** Live hypotheses kept per step, and results returned at most (≥ 1). ≥ trie.size makes the search exhaustive. */
  readonly beams: number;
  /** Tokens generated at most (≥ 1); allowed sequences longer than this are never returned. */
  readonly maxLen: number;
  /** Additive projection outputs (LoRA adapters), as in lmForward. */
  readonly delta?: ProjectionDelta;
}

/** A complete allowed sequence and its log-likelihood Σ log p(token | prompt, prefix). */
export interface ConstrainedResult {
  readonly tokens: number[];
  readonly score: number;
}

interface Hypothesis {
  readonly tokens: number[];
  readonly node: number;
  readonly score: number;
}

/** Decoder, its weights and the prompt-independent decoding state. */
interface Search {
  readonly c: LmConfig;
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly trie: TokenTrie;
  readonly opts: ConstrainedBeamOptions;
  readonly finished: ConstrainedResult[];
}

function validate(c: LmConfig, prompt: readonly number[], opts: ConstrainedBeamOptions): void {
  if (!Number.isInteger(opts.beams) || opts.beams < 1) throw new RecForgeError('validation', `beams must be a positive integer, got ${opts.beams}`);
  if (!Number.isInteger(opts.maxLen) || opts.maxLen < 1) throw new RecForgeError('validation', `maxLen must be a positive integer, got ${opts.maxLen}`);
  if (prompt.length === 0) throw new RecForgeError('validation', 'prompt is empty');
  if (prompt.some((t) => !Number.isInteger(t) || t < 0 || t >= c.vocabSize)) throw new RecForgeError('validation', `prompt holds a token outside [0, ${c.vocabSize})`);
}

/** Runs `ids` (one row per hypothesis) against `cache`; returns last-position logits [K, V] and the new cache. */
function step(s: Search, ids: readonly (readonly number[])[], cache?: KvCache): { logits: tf.Tensor2D; cache: KvCache } {
  const input = tf.tensor2d(ids as number[][], [ids.length, ids[0]?.length ?? 0], 'int32');
  const res = lmForward(s.c, s.weights, input, { ...(cache ? { cache } : {}), ...(s.opts.delta ? { delta: s.opts.delta } : {}) });
  input.dispose();
  const [b, t, v] = res.logits.shape;
  const last = tf.tidy(() => tf.reshape(tf.slice(res.logits, [0, t - 1, 0], [b, 1, v]), [b, v]) as tf.Tensor2D);
  res.logits.dispose();
  return { logits: last, cache: res.cache };
}

/** Applies the chosen expansions: completed sequences go to `finished`, those with a continuation stay live. */
function advance(s: Search, live: readonly Hypothesis[], chosen: readonly Expansion[]): { next: Hypothesis[]; parents: number[] } {
  const next: Hypothesis[] = [];
  const parents: number[] = [];
  for (const e of chosen) {
    const from = live[e.parent] as Hypothesis;
    const node = s.trie.child(from.node, e.token) as number;
    const h = { tokens: [...from.tokens, e.token], node, score: from.score + e.logProb };
    if (s.trie.isTerminal(node)) s.finished.push({ tokens: h.tokens, score: h.score });
    if (s.trie.allowed(node).length > 0) {
      next.push(h);
      parents.push(e.parent);
    }
  }
  return { next, parents };
}

/** Exact early stop: scores only fall as tokens are added, so no live beam can still beat the k-th finished one. */
function settled(s: Search, live: readonly Hypothesis[]): boolean {
  if (s.finished.length < s.opts.beams) return false;
  s.finished.sort((a, b) => b.score - a.score);
  const kth = (s.finished[s.opts.beams - 1] as ConstrainedResult).score;
  return live.every((h) => h.score <= kth);
}

function ranked(s: Search): ConstrainedResult[] {
  return [...s.finished].sort((a, b) => b.score - a.score).slice(0, s.opts.beams);
}

/**
 * The `beams` best complete allowed sequences after `prompt`, best first. Each step masks every
 * token the trie does not allow after a beam's prefix to −∞, so only allowed sequences can be
 * emitted; a sequence that is a prefix of another is recorded when reached and its beam continues.
 * With beams ≥ trie.size nothing is pruned and the result is exact.
 * @example await constrainedBeamSearch(cfg, w, [1, 9], TokenTrie.from(itemCodes), { beams: 5, maxLen: 4 })
 */
export async function constrainedBeamSearch(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  prompt: readonly number[],
  trie: TokenTrie,
  opts: ConstrainedBeamOptions,
): Promise<ConstrainedResult[]> {
  validate(c, prompt, opts);
  const s: Search = { c, weights, trie, opts, finished: [] };
  if (trie.size === 0) return [];
  let live: Hypothesis[] = [{ tokens: [], node: trie.root, score: 0 }];
  let { logits, cache } = step(s, [prompt]);
  try {
    for (let len = 1; ; len++) {
      const mask = allowedMask(trie, live.map((h) => h.node), c.vocabSize);
      const chosen = await topAllowed(logits, live.map((h) => h.score), mask, opts.beams);
      const { next, parents } = advance(s, live, chosen);
      live = next;
      if (live.length === 0 || len === opts.maxLen || settled(s, live)) break;
      const reordered = gatherKvCache(cache, parents);
      disposeKvCache(cache);
      logits.dispose();
      try {
        ({ logits, cache } = step(s, live.map((h) => h.tokens.slice(-1)), reordered));
      } finally {
        disposeKvCache(reordered); // lmForward copies it into the new cache
      }
    }
  } finally {
    logits.dispose();
    disposeKvCache(cache);
  }
  return ranked(s);
}

/**
 * Greedy constrained decoding: beam search with one beam. Returns the best complete allowed
 * sequence it reaches, or null when none fits in maxLen.
 */
export async function constrainedDecode(
  c: LmConfig,
  weights: ReadonlyMap<string, tf.Tensor>,
  prompt: readonly number[],
  trie: TokenTrie,
  opts: Omit<ConstrainedBeamOptions, 'beams'>,
): Promise<ConstrainedResult | null> {
  const [best] = await constrainedBeamSearch(c, weights, prompt, trie, { ...opts, beams: 1 });
  return best ?? null;
}
