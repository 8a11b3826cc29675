/**
 * Splitting a batch across data-parallel replicas. Rows are split into contiguous, near-equal
 * shards; each shard's loss is a mean over its own valid targets, so shards are combined with
 * weights = their valid-target counts, which makes the combined gradient equal the full batch's.
 */
import type { SeqBatch } from '../sampler';

/** `rows` split into `parts` contiguous near-equal [from, to) ranges (the first take the remainder); empty ones left out. */
export function rowRanges(rows: number, parts: number): [number, number][] {
  const ranges: [number, number][] = [];
  const base = Math.floor(rows / parts);
  let from = 0;
  for (let k = 0; k < parts; k++) {
    const n = base + (k < rows % parts ? 1 : 0);
    if (n > 0) ranges.push([from, from + n]);
    from += n;
  }
  return ranges;
}

/** Contiguous row ranges of `batch` for `parts` replicas (the first shards take the remainder). */
export function splitBatch(batch: SeqBatch, parts: number): SeqBatch[] {
  return rowRanges(batch.size, parts).map(([from, to]) => {
    const [a, b] = [from * batch.maxLen, to * batch.maxLen];
    return { size: to - from, maxLen: batch.maxLen, inputs: batch.inputs.subarray(a, b), positives: batch.positives.subarray(a, b), negatives: batch.negatives.subarray(a, b) };
  });
}

/** Number of positions the loss averages over: targets that are not padding. */
export function validTargets(batch: SeqBatch): number {
  let n = 0;
  for (const p of batch.positives) if (p !== 0) n++;
  return n;
}
