/**
 * Sum over leading axes on wasm without a transpose. Bias, layer-norm and position-embedding
 * gradients reduce [B, T, d] (or [B·T, d]) over everything but the last axis; the stock wasm
 * kernel first transposes the whole tensor so the reduced axes come last, then sums — the
 * transpose costs several times the sum. Adding rows into a column accumulator in place needs
 * none: in our SIMD module (sumRows.c, ~10× the JS loop) or, where it did not load, in JS.
 * Other reductions go to the stock kernel.
 */
import type * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { simdOnBackend } from '../simd/simdModule';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch / fast-path name as reported in BackendInfo.patches. */
export const SUM_LEADING_AXES_PATCH = 'Sum over leading axes (no transpose)';

interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}

function isHeapBackend(b: unknown): b is HeapBackend {
  const r = b as Record<string, unknown> | null;
  return typeof r?.['makeOutput'] === 'function' && typeof r['typedArrayFromHeap'] === 'function';
}

/** How often each path ran (tests check the SIMD one is really taken). */
export const sumLeadingAxesStats = { simd: 0, js: 0 };

/** Number of leading axes reduced when `axis` is exactly 0..r−1 with r < rank, else 0. */
export function leadingAxesCount(axis: unknown, rank: number): number {
  const list = (Array.isArray(axis) ? axis : [axis]).map((a) => (typeof a === 'number' && a < 0 ? a + rank : a));
  const sorted = [...new Set(list)].sort((a, b) => Number(a) - Number(b));
  const leading = sorted.every((a, i) => a === i);
  return leading && sorted.length < rank ? sorted.length : 0;
}

/** out[j] = Σ_i x[i·inner + j], accumulated in float64 (rows added in order: deterministic). */
export function sumRows(x: Float32Array, rows: number, inner: number, out: Float32Array): void {
  const acc = new Float64Array(inner);
  for (let i = 0; i < rows; i++) {
    const base = i * inner;
    for (let j = 0; j < inner; j++) acc[j] = (acc[j] as number) + (x[base + j] as number);
  }
  out.set(acc);
}

/** Column sums by the SIMD module on the heap in place; false when it is not available. */
function sumRowsSimd(backend: unknown, x: tf.TensorInfo, rows: number, inner: number, out: tf.TensorInfo): boolean {
  const on = simdOnBackend(backend);
  if (on === null) return false;
  on.simd.sum_rows(on.at(x), rows, inner, on.at(out));
  return true;
}

function makeWrapper(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    const backend = args.backend;
    const r = x === undefined ? 0 : leadingAxesCount(args.attrs?.['axis'], x.shape.length);
    if (x === undefined || r === 0 || x.dtype !== 'float32' || !isHeapBackend(backend) || !isFastPathEnabled(SUM_LEADING_AXES_PATCH)) return stock(args);
    const rows = x.shape.slice(0, r).reduce((a, b) => a * b, 1);
    const innerShape = x.shape.slice(r);
    const keep = args.attrs?.['keepDims'] === true;
    const out = backend.makeOutput(keep ? [...x.shape.slice(0, r).map(() => 1), ...innerShape] : innerShape, 'float32');
    // Views are taken after makeOutput: allocating can grow (and detach) the heap buffer.
    const inner = innerShape.reduce((a, b) => a * b, 1);
    if (sumRowsSimd(backend, x, rows, inner, out)) sumLeadingAxesStats.simd++;
    else {
      sumLeadingAxesStats.js++;
      sumRows(backend.typedArrayFromHeap(x) as Float32Array, rows, inner, backend.typedArrayFromHeap(out) as Float32Array);
    }
    return out;
  };
}

/** Wraps the wasm Sum kernel. Call before tf.setBackend('wasm'). */
export function registerSumLeadingAxes(): void {
  declareFastPath(SUM_LEADING_AXES_PATCH);
  wrapWasmKernel('Sum', SUM_LEADING_AXES_PATCH, makeWrapper);
}
