/**
 * Inverted dropout with masks drawn from our seeded Rng, so training is reproducible from the run
 * seed. The mask is one constant tensor multiplied in (gradient flows through the multiply),
 * which is fewer ops than tf.dropout's add/floor/div/mul chain.
 */
import * as tf from '@tensorflow/tfjs';
import { dropoutMask } from '../../train/dropoutMask';
import type { Rng } from '../../train/rng';

/** Keeps each element with probability 1 − rate and scales kept ones by 1 / (1 − rate). */
export function dropout(x: tf.Tensor, rate: number, rng: Rng): tf.Tensor {
  if (rate <= 0) return x;
  if (rate >= 1) throw new Error(`dropout rate must be < 1, got ${rate}`);
  const mask = dropoutMask(rng, x.size, rate);
  return tf.tidy(() => tf.mul(x, tf.tensor(mask, x.shape, 'float32')));
}
