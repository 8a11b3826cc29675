/**
 * Training batches over LeaveOneOutData.train (pmixer's sampler, as epochs): every user with at
 * least one transition appears once per epoch in shuffled order; input = seq[:-1] and
 * positives = seq[1:] (last maxLen, right-aligned, left-padded); one negative per non-padding
 * position, uniform over items not in the user's training sequence.
 */
import type { LeaveOneOutData } from '../protocol/worker';
import { type Rng, shuffleInPlace } from './rng';
import { containsSorted, sequenceCount, sequenceOf, sortedUnique, writeRightAligned } from './itemSets';

/** One batch as flat row-major int32 arrays of shape [size, maxLen]. */
export interface SeqBatch {
  readonly size: number;
  readonly maxLen: number;
  readonly inputs: Int32Array;
  readonly positives: Int32Array;
  readonly negatives: Int32Array;
}

/** Epoch-wise batch source. */
export interface BatchSampler {
  /** Users with ≥ 1 training transition (train length ≥ 2). */
  readonly users: Int32Array;
  readonly batchesPerEpoch: number;
  /** The batches of one epoch; order and negatives drawn from `rng`. */
  epoch(rng: Rng): Generator<SeqBatch>;
}

const MAX_TRIES = 1000;

/** Uniform item in 1..numItems not in sorted `exclude` (gives up on exclusion after MAX_TRIES). */
export function sampleNegative(rng: Rng, numItems: number, exclude: Int32Array): number {
  let c = rng.nextInt(1, numItems + 1);
  for (let t = 0; t < MAX_TRIES && containsSorted(exclude, c); t++) c = rng.nextInt(1, numItems + 1);
  return c;
}

function trainableUsers(data: LeaveOneOutData): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < sequenceCount(data.train); u++) if (sequenceOf(data.train, u).length >= 2) out.push(u);
  return Int32Array.from(out);
}

/** Creates the sampler; precomputes each trainable user's sorted item set. */
export function createBatchSampler(data: LeaveOneOutData, maxLen: number, batchSize: number): BatchSampler {
  const users = trainableUsers(data);
  const seen = new Map<number, Int32Array>();
  for (const u of users) seen.set(u, sortedUnique(sequenceOf(data.train, u)));
  const fill = (batch: SeqBatch, row: number, u: number, rng: Rng): void => {
    const seq = sequenceOf(data.train, u);
    const offset = row * maxLen;
    writeRightAligned(seq.subarray(0, seq.length - 1), batch.inputs, offset, maxLen);
    const n = writeRightAligned(seq.subarray(1), batch.positives, offset, maxLen);
    const exclude = seen.get(u) ?? new Int32Array(0);
    for (let k = maxLen - n; k < maxLen; k++) batch.negatives[offset + k] = sampleNegative(rng, data.numItems, exclude);
  };
  return {
    users,
    batchesPerEpoch: Math.ceil(users.length / batchSize),
    *epoch(rng) {
      const order = users.slice();
      shuffleInPlace(order, rng);
      for (let start = 0; start < order.length; start += batchSize) {
        const size = Math.min(batchSize, order.length - start);
        const cells = size * maxLen;
        const batch = { size, maxLen, inputs: new Int32Array(cells), positives: new Int32Array(cells), negatives: new Int32Array(cells) };
        for (let r = 0; r < size; r++) fill(batch, r, order[start + r] as number, rng);
        yield batch;
      }
    },
  };
}
