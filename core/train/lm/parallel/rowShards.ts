/**
 * Splitting an LM update across threads by rows: every thread takes the same contiguous share of
 * rows from every micro-batch, so the work is even whatever the accumulation (micro-batches too
 * small to split go whole to the least-loaded thread). Rows are
 * independent (packing keeps attention inside a row), so per-row losses summed over threads are
 * the update's loss.
 */
import { countTargets } from '../loss';
import type { MicroBatch } from '../packing';
import { rowRanges } from '../../parallel/shards';

/** Rows [from, to) of `batch` as a micro-batch of its own (copied: it crosses a thread boundary). */
export function sliceRows(batch: MicroBatch, from: number, to: number): MicroBatch {
  const { length } = batch.layout;
  const [a, b] = [from * length, to * length];
  const segments = batch.layout.segments.slice(a, b);
  const targets = batch.targets.slice(a, b);
  return {
    ids: batch.ids.slice(a, b),
    targets,
    layout: { batch: to - from, length, positions: batch.layout.positions.slice(a, b), segments },
    tokens: segments.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0), // padding has segment −1
    scored: countTargets(targets),
  };
}

/**
 * parts[j] = thread j's rows of the update: every micro-batch with at least one row per thread is
 * split by rows; a smaller one (e.g. batch size 1 with accumulation) goes whole to the thread with
 * the fewest tokens so far. Threads left without rows get no part.
 */
export function splitMicroBatches(batches: readonly MicroBatch[], parts: number): MicroBatch[][] {
  const out: MicroBatch[][] = Array.from({ length: parts }, () => []);
  const load = new Array<number>(parts).fill(0);
  const give = (j: number, b: MicroBatch): void => {
    out[j]?.push(b);
    load[j] = (load[j] as number) + b.layout.batch * b.layout.length;
  };
  for (const batch of batches) {
    if (batch.layout.batch >= parts) {
      rowRanges(batch.layout.batch, parts).forEach(([from, to], j) => give(j, sliceRows(batch, from, to)));
    } else {
      give(load.indexOf(Math.min(...load)), sliceRows(batch, 0, batch.layout.batch));
    }
  }
  return out.filter((p) => p.length > 0);
}
