/**
 * Splitting a batch across data-parallel replicas. Rows are split into contiguous, near-equal
 * shards; each shard's loss is a mean over its own valid targets, so shards are combined with
 * weights = their valid-target counts, which makes the combined gradient equal the full batch's.
 */
import type { SeqBatch } from '../sampler';

/** Contiguous row ranges of `batch` for `parts` replicas (the first shards take the remainder). */
export function splitBatch(batch: SeqBatch, parts: number): SeqBatch[] {
  const shards: SeqBatch[] = [];
  const base = Math.floor(batch.size / parts);
  let row = 0;
  for (let k = 0; k < parts; k++) {
    const rows = base + (k < batch.size % parts ? 1 : 0);
    if (rows === 0) continue;
    const from = row * batch.maxLen;
    const to = (row + rows) * batch.maxLen;
    shards.push({ size: rows, maxLen: batch.maxLen, inputs: batch.inputs.subarray(from, to), positives: batch.positives.subarray(from, to), negatives: batch.negatives.subarray(from, to) });
    row += rows;
  }
  return shards;
}

/** Number of positions the loss averages over: targets that are not padding. */
export function validTargets(batch: SeqBatch): number {
  let n = 0;
  for (const p of batch.positives) if (p !== 0) n++;
  return n;
}
