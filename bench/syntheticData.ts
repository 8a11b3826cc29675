/**
 * A synthetic leave-one-out dataset sized like a small real one, built in code: popularity-skewed
 * items and users whose sequences drift through item "neighbourhoods" (so batches look like real
 * ones: mixed lengths, repeats of popular items, left padding).
 */
import type { LeaveOneOutData } from '../core/protocol/worker';
import { createRng } from '../core/train/rng';

/** Builds `users` sequences of length 5..maxLength over `numItems` items. */
export function syntheticLeaveOneOut(users: number, numItems: number, maxLength: number, seed = 1): LeaveOneOutData {
  const rng = createRng(seed);
  const offsets = new Int32Array(users + 1);
  const values: number[] = [];
  const validTarget = new Int32Array(users);
  const testTarget = new Int32Array(users);
  for (let u = 0; u < users; u++) {
    const len = rng.nextInt(5, maxLength + 1);
    let centre = rng.nextInt(0, numItems);
    const seq: number[] = [];
    for (let k = 0; k < len; k++) {
      centre = (centre + rng.nextInt(-20, 21) + numItems) % numItems;
      // Half the time a popular item (squared-uniform skew towards low ids), else a neighbour.
      const item = rng.nextFloat() < 0.5 ? Math.floor(rng.nextFloat() ** 2 * numItems) : centre;
      seq.push(item + 1);
    }
    values.push(...seq.slice(0, len - 2));
    offsets[u + 1] = values.length;
    validTarget[u] = seq[len - 2] as number;
    testTarget[u] = seq[len - 1] as number;
  }
  return { numItems, train: { offsets, values: Int32Array.from(values) }, validTarget, testTarget };
}
