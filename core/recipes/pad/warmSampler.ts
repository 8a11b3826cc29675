/**
 * Training batches for PAD and its SASRec baseline (pmixer's SASRec sampling: every position of a
 * user's training sequence predicts the next item against one sampled negative). Negatives are
 * drawn from WARM items only: cold items do not exist yet at training time in the new-item setting
 * (PAD §4.1), so neither model may learn anything about them — not even "never clicked".
 */
import type { SeqBatchTensors } from '../../models/types';
import * as tf from '@tensorflow/tfjs';
import type { PackedSequences } from '../../protocol/worker';
import { containsSorted, sequenceOf, sortedUnique, writeRightAligned } from '../../train/itemSets';
import { shuffleInPlace, type Rng } from '../../train/rng';

/** One batch as int32 columns [size × maxLen]. */
export interface WarmBatch {
  readonly size: number;
  readonly maxLen: number;
  readonly inputs: Int32Array;
  readonly positives: Int32Array;
  readonly negatives: Int32Array;
}

/** Users with at least one training transition, and the warm item pool. */
export interface WarmSampler {
  readonly users: Int32Array;
  readonly warmItems: Int32Array;
  epoch(rng: Rng): WarmBatch[];
}

function drawNegative(rng: Rng, pool: Int32Array, seen: Int32Array): number {
  for (let tries = 0; tries < 50; tries++) {
    const it = pool[rng.nextInt(0, pool.length)] ?? 1;
    if (!containsSorted(seen, it)) return it;
  }
  return pool[rng.nextInt(0, pool.length)] ?? 1;
}

function fillRow(b: WarmBatch, row: number, seq: Int32Array, pool: Int32Array, rng: Rng): void {
  const off = row * b.maxLen;
  writeRightAligned(seq.subarray(0, seq.length - 1), b.inputs, off, b.maxLen);
  writeRightAligned(seq.subarray(1), b.positives, off, b.maxLen);
  const seen = sortedUnique(seq);
  for (let t = 0; t < b.maxLen; t++) if ((b.positives[off + t] ?? 0) !== 0) b.negatives[off + t] = drawNegative(rng, pool, seen);
}

/** A sampler over `train` whose negatives come from items with a training interaction. */
export function createWarmSampler(train: PackedSequences, freq: Int32Array, maxLen: number, batchSize: number): WarmSampler {
  const users: number[] = [];
  for (let u = 0; u + 1 < train.offsets.length; u++) if (sequenceOf(train, u).length >= 2) users.push(u);
  const warm: number[] = [];
  for (let it = 1; it < freq.length; it++) if ((freq[it] ?? 0) > 0) warm.push(it);
  const warmItems = Int32Array.from(warm);
  const epoch = (rng: Rng): WarmBatch[] => {
    const order = Int32Array.from(users);
    shuffleInPlace(order, rng);
    const out: WarmBatch[] = [];
    for (let s = 0; s < order.length; s += batchSize) {
      const size = Math.min(batchSize, order.length - s);
      const n = size * maxLen;
      const b = { size, maxLen, inputs: new Int32Array(n), positives: new Int32Array(n), negatives: new Int32Array(n) };
      for (let r = 0; r < size; r++) fillRow(b, r, sequenceOf(train, order[s + r] ?? 0), warmItems, rng);
      out.push(b);
    }
    return out;
  };
  return { users: Int32Array.from(users), warmItems, epoch };
}

/** The batch as tensors (caller disposes). */
export function warmBatchTensors(b: WarmBatch): SeqBatchTensors {
  const shape: [number, number] = [b.size, b.maxLen];
  return { inputs: tf.tensor2d(b.inputs, shape, 'int32'), positives: tf.tensor2d(b.positives, shape, 'int32'), negatives: tf.tensor2d(b.negatives, shape, 'int32') };
}
