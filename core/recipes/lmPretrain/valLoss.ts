/**
 * Validation loss of a decoder: mean next-token NLL over every scored token of held-out examples
 * (the same targets training scores: all but each example's first token), and its perplexity.
 * Examples are evaluated one per row, in order, so the number does not depend on batching.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import type { RowLayout } from '../../train/lm/blockMask';
import { tokenNllSum } from '../../train/lm/loss';
import { collate, nextRow } from '../../train/lm/packing';
import type { ExampleReader, LmExample } from '../../train/lm/packing';
import { trainForward } from '../../train/lm/trainForward';

/** A metric-like record of the held-out loss. */
export interface ValLossMetric {
  readonly name: 'val_loss';
  readonly value: number; // mean token NLL (nats)
  readonly perplexity: number; // exp(value)
  readonly tokens: number; // scored tokens
}

/** How the evaluator batches. */
export interface ValLossOptions {
  readonly maxLen: number;
  readonly batchSize: number;
  readonly padId: number;
}

/** Reads examples in order (no wrap-around: the caller reads exactly `examples.length`). */
function arrayReader(examples: readonly LmExample[]): ExampleReader {
  let i = 0;
  return {
    peek: () => examples[i] as LmExample,
    advance: () => void i++,
  };
}

/** Σ NLL of one micro-batch, read back to a number (its tensors are freed). */
async function batchNll(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, ids: Int32Array, targets: Int32Array, layout: RowLayout): Promise<number> {
  const logits = trainForward(c, weights, ids, layout);
  try {
    const sum = tokenNllSum(logits, targets);
    const value = (await sum.data())[0] as number;
    sum.dispose();
    return value;
  } finally {
    logits.dispose();
  }
}

/** Mean NLL of `examples` under `weights`; null when nothing is scored (no held-out users). */
export async function evaluateLmLoss(c: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, examples: readonly LmExample[], opts: ValLossOptions): Promise<ValLossMetric | null> {
  const reader = arrayReader(examples);
  let nll = 0;
  let tokens = 0;
  for (let start = 0; start < examples.length; start += opts.batchSize) {
    const n = Math.min(opts.batchSize, examples.length - start);
    const batch = collate(Array.from({ length: n }, () => nextRow(reader, opts.maxLen, false)), opts.padId);
    if (batch.scored === 0) continue;
    nll += await batchNll(c, weights, batch.ids, batch.targets, batch.layout);
    tokens += batch.scored;
  }
  if (tokens === 0) return null;
  const value = nll / tokens;
  return { name: 'val_loss', value, perplexity: Math.exp(value), tokens };
}
