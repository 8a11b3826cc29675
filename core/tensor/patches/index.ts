/**
 * The kernel patches each backend needs (docs/ENVIRONMENT.md §2–3, plus a faster gather). Apply before the backend is
 * initialised with tf.setBackend; each call is idempotent.
 */
import { makeSlicedBatchMatMul } from './batchMatMulSliced';
import { BATCH_MATMUL_PATCH, registerBatchMatMulTransposed } from './batchMatMulTransposed';
import { GATHER_ROWS_PATCH, registerGatherRows } from './gatherRows';
import { registerLayerNormKernels } from './layerNormKernel';
import { registerRopeKernel } from './ropeKernel';
import { registerSoftmaxXentKernels } from './softmaxXentKernel';
import { SHARED_IDENTITY_PATCH, registerSharedIdentity } from './sharedIdentity';
import { SIMD_MATMUL_PATCH, registerSimdMatMul } from './simdMatMul';
import { SUM_LEADING_AXES_PATCH, registerSumLeadingAxes } from './sumLeadingAxes';
import { UNSORTED_SEGMENT_SUM_PATCH, registerUnsortedSegmentSum } from './unsortedSegmentSum';

/**
 * Registers the wasm patches; returns their names for BackendInfo.patches. Transposed MatMul and
 * UnsortedSegmentSum are the ones measured in docs/ENVIRONMENT.md; the rest are ours: batched
 * products per XNNPACK slice (~50% of a SASRec step before), the JS row gather (stock GatherV2
 * is ~25× slower for embedding lookups), copy-free Identity/Cast and transpose-free leading-axis
 * sums (gradient plumbing). The fast paths can be switched off by the self-test (fastPaths.ts).
 */
export function applyWasmPatches(): string[] {
  // Transposes are made explicit first, then batched products go through XNNPACK per slice.
  registerBatchMatMulTransposed(makeSlicedBatchMatMul);
  // Our SIMD kernel in front: it takes float32 products whole; the chain above is its fallback.
  registerSimdMatMul();
  registerUnsortedSegmentSum('wasm');
  registerGatherRows();
  registerSharedIdentity();
  registerSumLeadingAxes();
  // New kernels, not patches: layer norm, the LM loss and RoPE use them when ready.
  registerLayerNormKernels();
  registerSoftmaxXentKernels();
  registerRopeKernel();
  return [SIMD_MATMUL_PATCH, BATCH_MATMUL_PATCH, UNSORTED_SEGMENT_SUM_PATCH, GATHER_ROWS_PATCH, SHARED_IDENTITY_PATCH, SUM_LEADING_AXES_PATCH];
}

/** Registers the cpu patch (fast UnsortedSegmentSum); returns its name. */
export function applyCpuPatches(): string[] {
  registerUnsortedSegmentSum('cpu');
  return [UNSORTED_SEGMENT_SUM_PATCH];
}
