/**
 * An UnsortedSegmentSum kernel. It is the gradient of tf.gather, so every embedding lookup needs
 * it: wasm has no kernel at all, and cpu's is O(segments × rows) (≈80 s for a [2048,128] → 2000
 * case, see docs/ENVIRONMENT.md §3). This one is a single pass over the rows: on wasm by our SIMD
 * module on the heap in place (rows.c; float rows, int32 ids), elsewhere in JS.
 */
import * as tf from '@tensorflow/tfjs';
import { simdOnBackend } from '../simd/simdModule';
import { isReadableBackend, makeOutputWithValues } from './backendShape';
import { declareFastPath, isFastPathEnabled } from './fastPaths';

/** Patch name as reported in BackendInfo.patches. */
export const UNSORTED_SEGMENT_SUM_PATCH = 'UnsortedSegmentSum (JS kernel)';

/** Fast-path name of the SIMD version on the wasm heap (the self-test can turn it off). */
export const SEGMENT_SUM_SIMD = 'UnsortedSegmentSum (SIMD, on the heap)';

/** How often the SIMD path ran (tests check it is really taken). */
export const segmentSumStats = { simd: 0 };

/** out[s, …] = Σ_{i: ids[i] = s} x[i, …]; ids outside [0, numSegments) are dropped, as in TF. */
export function segmentSum(
  x: ArrayLike<number>,
  ids: ArrayLike<number>,
  inner: number,
  out: Float32Array | Int32Array,
  numSegments: number,
): void {
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i] as number;
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let j = 0; j < inner; j++) out[dst + j] = (out[dst + j] as number) + (x[src + j] as number);
  }
}

/** The sums on the wasm heap by the SIMD module; null when it does not apply here. */
function segmentSumOnHeap(backend: unknown, x: tf.TensorInfo, ids: tf.TensorInfo, numSegments: number): tf.TensorInfo | null {
  const on = simdOnBackend(backend);
  if (on === null || x.dtype !== 'float32' || ids.dtype !== 'int32' || !isFastPathEnabled(SEGMENT_SUM_SIMD)) return null;
  const innerShape = x.shape.slice(ids.shape.length);
  const inner = innerShape.reduce((a, b) => a * b, 1);
  const n = ids.shape.reduce((a, b) => a * b, 1);
  const out = on.internals.makeOutput([numSegments, ...innerShape], 'float32');
  on.simd.segment_sum(on.at(x), on.at(ids), n, inner, numSegments, on.at(out));
  segmentSumStats.simd++;
  return out;
}

const makeKernel = (backendName: 'wasm' | 'cpu'): tf.KernelFunc => ({ inputs, backend, attrs }) => {
  const x = inputs['x'];
  const segmentIds = inputs['segmentIds'];
  const numSegments = attrs?.['numSegments'];
  if (x === undefined || segmentIds === undefined || typeof numSegments !== 'number') {
    throw new Error('UnsortedSegmentSum: expected inputs x, segmentIds and attr numSegments');
  }
  const onHeap = backendName === 'wasm' ? segmentSumOnHeap(backend, x, segmentIds, numSegments) : null;
  if (onHeap !== null) return onHeap;
  if (!isReadableBackend(backend)) throw new Error('UnsortedSegmentSum: backend cannot read tensors');
  // readSync copies out of the wasm heap, so later allocations cannot invalidate these arrays.
  const xv = backend.readSync(x.dataId) as Float32Array | Int32Array;
  const ids = backend.readSync(segmentIds.dataId) as Int32Array | Float32Array;
  const innerShape = x.shape.slice(segmentIds.shape.length);
  const inner = innerShape.reduce((a, b) => a * b, 1);
  const out = x.dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
  segmentSum(xv, ids, inner, out, numSegments);
  return makeOutputWithValues(backendName, backend, [numSegments, ...innerShape], x.dtype, out);
};

const KERNELS = { wasm: makeKernel('wasm'), cpu: makeKernel('cpu') } as const;

/** (Re)registers the JS kernel for `backendName`, replacing any existing one. */
export function registerUnsortedSegmentSum(backendName: 'wasm' | 'cpu'): void {
  if (backendName === 'wasm') declareFastPath(SEGMENT_SUM_SIMD);
  const kernelFunc = KERNELS[backendName];
  const existing = tf.getKernel('UnsortedSegmentSum', backendName);
  if (existing?.kernelFunc === kernelFunc) return; // already patched: registration is global
  if (existing !== undefined) tf.unregisterKernel('UnsortedSegmentSum', backendName);
  tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName, kernelFunc });
}
