/**
 * Whether optimizer steps should run on flat JS arrays instead of tfjs ops: where tensors live in
 * JS or wasm memory, reading gradients out and one pass over the numbers cost ~1 ms, against
 * ~10–20 ms of per-variable op dispatch (tfjs Adam for SASRec, our AdamW for the LM's LoRA
 * tensors); GPU and native backends would copy across devices instead.
 */
import * as tf from '@tensorflow/tfjs';
import { isFastPathEnabled } from '../tensor/patches/fastPaths';

/** A switch like the kernels' fast paths, so benches can measure the tensor path on CPU backends too. */
export const FLAT_OPTIMIZER_STEPS = 'optimizer steps on flat arrays';

export function flatStepsPay(): boolean {
  return (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') && isFastPathEnabled(FLAT_OPTIMIZER_STEPS);
}
