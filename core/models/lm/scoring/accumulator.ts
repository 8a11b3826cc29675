/**
 * Sums of per-token log-probabilities per candidate, filled from forward passes in any order.
 * Sums are kept in float64 on the JS side so long candidates add no float32 rounding.
 */
import type * as tf from '@tensorflow/tfjs';
import { rowTokenLogProbs } from './tokenLogProbs';

/** Which logits to score: pick i reads row_i of the logits flattened to [M, V], scores target_i for candidate out_i. */
export class PickList {
  readonly rows: number[] = [];
  readonly targets: number[] = [];
  readonly outs: number[] = [];

  push(row: number, target: number, out: number): void {
    this.rows.push(row);
    this.targets.push(target);
    this.outs.push(out);
  }
}

/** Per-candidate log-likelihood sums and token counts. */
export class LogLikAccumulator {
  readonly sums: Float64Array;
  readonly counts: Int32Array;

  constructor(size: number) {
    this.sums = new Float64Array(size);
    this.counts = new Int32Array(size);
  }

  /** Scores `picks` against logits [..., V] and adds them up. Does not dispose the logits. */
  async add(logits: tf.Tensor, picks: PickList): Promise<void> {
    if (picks.rows.length === 0) return;
    const lp = rowTokenLogProbs(logits, Int32Array.from(picks.rows), Int32Array.from(picks.targets));
    const values = await lp.data();
    lp.dispose();
    picks.outs.forEach((out, i) => {
      this.sums[out] = (this.sums[out] as number) + (values[i] as number);
      this.counts[out] = (this.counts[out] as number) + 1;
    });
  }
}
