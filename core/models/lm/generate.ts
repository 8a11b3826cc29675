/** Greedy decoding with the key/value cache: one full forward over the prompt, then one token at a time. */
import * as tf from '@tensorflow/tfjs';
import { checkAttentionSpan, type LmConfig } from './config';
import { disposeKvCache, lmForward } from './forward';
import type { KvCache } from './forward';
import type { ProjectionDelta } from './layers';

/** Options of greedyDecode. */
export interface GreedyDecodeOptions {
  /** Tokens to generate at most (≥ 0). */
  readonly maxNewTokens: number;
  /** Stop after emitting any of these ids (default: config eos_token_id, if any). */
  readonly stopTokens?: readonly number[];
  readonly delta?: ProjectionDelta;
}

function stopSet(c: LmConfig, opts: GreedyDecodeOptions): Set<number> {
  if (opts.stopTokens !== undefined) return new Set(opts.stopTokens);
  if (c.eosTokenId === undefined) return new Set();
  return new Set(typeof c.eosTokenId === 'number' ? [c.eosTokenId] : c.eosTokenId);
}

/** Argmax of the last position's logits, for each sequence: logits [B, T, V] → B ids. */
async function lastArgmax(logits: tf.Tensor3D): Promise<number[]> {
  const [, t, v] = logits.shape;
  const ids = tf.tidy(() => tf.argMax(tf.reshape(tf.slice(logits, [0, t - 1, 0], [-1, 1, v]), [-1, v]), 1));
  const out = Array.from(await ids.data());
  ids.dispose();
  return out;
}

/**
 * Greedy continuation of one prompt (token ids). Returns only the new tokens.
 * @example await greedyDecode(cfg, weights, [1, 15, 7], { maxNewTokens: 8 })
 */
export async function greedyDecode(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, prompt: readonly number[], opts: GreedyDecodeOptions): Promise<number[]> {
  const stops = stopSet(c, opts);
  checkAttentionSpan(c, prompt.length + Math.max(0, opts.maxNewTokens - 1)); // the last new token is never fed
  const out: number[] = [];
  let input = [...prompt];
  let cache: KvCache | undefined;
  while (out.length < opts.maxNewTokens) {
    const ids = tf.tensor2d([input], [1, input.length], 'int32');
    const res = lmForward(c, weights, ids, { ...(cache ? { cache } : {}), ...(opts.delta ? { delta: opts.delta } : {}) });
    ids.dispose();
    if (cache) disposeKvCache(cache);
    cache = res.cache;
    const [next] = await lastArgmax(res.logits);
    res.logits.dispose();
    if (next === undefined) break;
    out.push(next);
    if (stops.has(next)) break;
    input = [next];
  }
  if (cache) disposeKvCache(cache);
  return out;
}
