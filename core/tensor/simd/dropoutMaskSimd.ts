/** Dropout masks by the SIMD module (dropoutMask.c) on the active wasm backend's heap. */
import * as tf from '@tensorflow/tfjs';
import { simdOnBackend } from './simdModule';

const TWO_POW_32 = 4294967296;

/**
 * Element i = `scale` when mulberry32's draw at counter state + (i + 1)·step is below `threshold`
 * (an integer ≤ 2^32), else 0; null where the module or a wasm backend is not there.
 */
export function simdDropoutMask(state: number, size: number, threshold: number, scale: number): Float32Array | null {
  const on = tf.getBackend() === 'wasm' ? simdOnBackend(tf.backend()) : null;
  if (on === null) return null;
  const { heap, simd } = on;
  const ptr = heap.malloc(size * Float32Array.BYTES_PER_ELEMENT);
  try {
    const keepAll = threshold >= TWO_POW_32;
    simd.dropout_mask(state, size, keepAll ? 0 : threshold, keepAll ? 1 : 0, scale, ptr);
    // A copy: the heap's buffer is replaced whenever tfjs grows its memory.
    return new Float32Array((heap.memory as { buffer: ArrayBuffer }).buffer, ptr, size).slice();
  } finally {
    heap.free(ptr);
  }
}
