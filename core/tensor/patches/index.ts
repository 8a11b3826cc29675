/**
 * The kernel patches each backend needs (docs/ENVIRONMENT.md §2–3). Apply before the backend is
 * initialised with tf.setBackend; each call is idempotent.
 */
import { BATCH_MATMUL_PATCH, registerBatchMatMulTransposed } from './batchMatMulTransposed';
import { UNSORTED_SEGMENT_SUM_PATCH, registerUnsortedSegmentSum } from './unsortedSegmentSum';

/** Registers both wasm patches; returns their names for BackendInfo.patches. */
export function applyWasmPatches(): string[] {
  registerBatchMatMulTransposed();
  registerUnsortedSegmentSum('wasm');
  return [BATCH_MATMUL_PATCH, UNSORTED_SEGMENT_SUM_PATCH];
}

/** Registers the cpu patch (fast UnsortedSegmentSum); returns its name. */
export function applyCpuPatches(): string[] {
  registerUnsortedSegmentSum('cpu');
  return [UNSORTED_SEGMENT_SUM_PATCH];
}
