/**
 * Prefix-shared scoring: each prompt runs once; its candidates then run packed into rows that
 * attend to the prompt's cached keys and values (prefixForward), so a candidate costs only its
 * own tokens and the prompt cache is never copied per candidate.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../config';
import { disposeKvCache } from '../forward';
import type { KvCache } from '../forward';
import type { ProjectionDelta } from '../layers';
import { LogLikAccumulator, PickList } from './accumulator';
import { chunks } from './batching';
import { packContinuations, packPrompt } from './packing';
import { prefixForward } from './prefixForward';
import type { ScoreRow } from './types';

interface Model {
  readonly c: LmConfig;
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly delta?: ProjectionDelta;
}

function deltaOpt(m: Model): { delta?: ProjectionDelta } {
  return m.delta ? { delta: m.delta } : {};
}

/** Runs the prompt; scores every candidate's first token from its last position. Returns the prompt cache. */
async function runPrompt(m: Model, prompt: readonly number[], rows: readonly ScoreRow[], acc: LogLikAccumulator): Promise<KvCache> {
  const { logits, kv } = prefixForward(m.c, m.weights, packPrompt(prompt), Int32Array.of(prompt.length - 1), deltaOpt(m));
  const picks = new PickList();
  for (const r of rows) picks.push(0, r.candidate[0] as number, r.out);
  try {
    await acc.add(logits, picks);
  } finally {
    logits.dispose();
  }
  return kv;
}

/** Scores tokens 1.. of `rows` (one packed forward against the prompt cache). */
async function runContinuations(m: Model, prompt: KvCache, rows: readonly ScoreRow[], acc: LogLikAccumulator): Promise<void> {
  const packed = packContinuations(prompt.length, rows);
  const all = Int32Array.from({ length: packed.ids.length }, (_, i) => i);
  const { logits, kv } = prefixForward(m.c, m.weights, packed, all, { prefix: prompt, ...deltaOpt(m) });
  disposeKvCache(kv);
  const picks = new PickList();
  packed.targets.forEach((t, i) => picks.push(i, t, packed.outs[i] as number));
  try {
    await acc.add(logits, picks);
  } finally {
    logits.dispose();
  }
}

/** All candidates of one prompt: one prompt pass, then `batchSize` candidates per packed pass. */
async function scoreRequest(m: Model, rows: readonly ScoreRow[], batchSize: number, acc: LogLikAccumulator): Promise<void> {
  const prompt = (rows[0] as ScoreRow).prompt;
  const cache = await runPrompt(m, prompt, rows, acc);
  try {
    for (const part of chunks(rows.filter((r) => r.candidate.length > 1), batchSize)) await runContinuations(m, cache, part, acc);
  } finally {
    disposeKvCache(cache);
  }
}

function byRequest(rows: readonly ScoreRow[]): ScoreRow[][] {
  const out = new Map<number, ScoreRow[]>();
  for (const r of rows) {
    const list = out.get(r.request);
    if (list === undefined) out.set(r.request, [r]);
    else list.push(r);
  }
  return [...out.values()];
}

/** Scores every row: one forward per prompt plus one per `batchSize` of its candidates. */
export async function scoreShared(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, rows: readonly ScoreRow[], batchSize: number, delta?: ProjectionDelta): Promise<LogLikAccumulator> {
  const acc = new LogLikAccumulator(rows.length);
  const m: Model = { c, weights, ...(delta ? { delta } : {}) };
  for (const req of byRequest(rows)) await scoreRequest(m, req, batchSize, acc);
  return acc;
}
