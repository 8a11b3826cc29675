/**
 * Tiny in-code datasets for tests and benches. Sequences follow a learnable rule (each user walks
 * through the items with a fixed stride from a random start), so a model that learns anything
 * should beat chance quickly.
 */
import type { LeaveOneOutData } from '../protocol/worker';
import { createRng } from '../train/rng';

/** Options of toyLeaveOneOut. */
export interface ToyDataOptions {
  readonly users: number;
  readonly numItems: number;
  /** Full sequence length per user (train + valid + test); ≥ 3. */
  readonly length: number | ((user: number) => number);
  readonly seed?: number;
  /** Step between consecutive items (default 1). */
  readonly stride?: number;
}

/** Builds a leave-one-out split of synthetic "walk" sequences (items 1-based). */
export function toyLeaveOneOut(opts: ToyDataOptions): LeaveOneOutData {
  const rng = createRng(opts.seed ?? 1);
  const stride = opts.stride ?? 1;
  const offsets = new Int32Array(opts.users + 1);
  const values: number[] = [];
  const validTarget = new Int32Array(opts.users);
  const testTarget = new Int32Array(opts.users);
  for (let u = 0; u < opts.users; u++) {
    const len = typeof opts.length === 'number' ? opts.length : opts.length(u);
    const start = rng.nextInt(0, opts.numItems);
    const seq = Array.from({ length: len }, (_, k) => ((start + k * stride) % opts.numItems) + 1);
    const train = len >= 3 ? seq.slice(0, len - 2) : seq;
    values.push(...train);
    offsets[u + 1] = values.length;
    if (len >= 3) {
      validTarget[u] = seq[len - 2] as number;
      testTarget[u] = seq[len - 1] as number;
    }
  }
  return { numItems: opts.numItems, train: { offsets, values: Int32Array.from(values) }, validTarget, testTarget };
}
