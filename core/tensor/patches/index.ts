/**
 * The kernel patches each backend needs (docs/ENVIRONMENT.md §2–3, plus a faster gather). Apply before the backend is
 * initialised with tf.setBackend; each call is idempotent.
 */
import { BATCH_MATMUL_PATCH, registerBatchMatMulTransposed } from './batchMatMulTransposed';
import { GATHER_ROWS_PATCH, registerGatherRows } from './gatherRows';
import { UNSORTED_SEGMENT_SUM_PATCH, registerUnsortedSegmentSum } from './unsortedSegmentSum';

/**
 * Registers the wasm patches; returns their names for BackendInfo.patches. The first two are the
 * ones measured in docs/ENVIRONMENT.md; the JS row gather is ours (stock wasm GatherV2 is ~25×
 * slower than a JS copy for embedding lookups).
 */
export function applyWasmPatches(): string[] {
  registerBatchMatMulTransposed();
  registerUnsortedSegmentSum('wasm');
  registerGatherRows();
  return [BATCH_MATMUL_PATCH, UNSORTED_SEGMENT_SUM_PATCH, GATHER_ROWS_PATCH];
}

/** Registers the cpu patch (fast UnsortedSegmentSum); returns its name. */
export function applyCpuPatches(): string[] {
  registerUnsortedSegmentSum('cpu');
  return [UNSORTED_SEGMENT_SUM_PATCH];
}
