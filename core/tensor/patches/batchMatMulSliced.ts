/**
 * Batched BatchMatMul on wasm through the fast 2-D path. The stock wasm kernel sends anything
 * with a batch > 1 to a scalar triple loop (~1.7 GFLOP/s) and only 2-D products to XNNPACK
 * (~17 GFLOP/s). Attention is all batched products ([B·heads, T, dh] × [B·heads, dh, T]), so we
 * run one XNNPACK product per batch slice: each slice of a, b and the output is registered with
 * the wasm runtime as a *view* (a tensor id pointing into the parent's memory, no copy), and
 * the stock C++ entry point is called on those 2-D views. When b is shared by every slice (batch
 * 1), the batch is folded into the rows instead: one [B·M, K] × [K, N] product.
 *
 * Operands arrive untransposed (batchMatMulTransposed.ts transposes first).
 */
import * as tf from '@tensorflow/tfjs';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { asWasmInternals, recordOf, registerView, releaseView, type WasmInternals } from './wasmInternals';

/** Patch / fast-path name as reported in BackendInfo.patches. */
export const BATCH_MATMUL_SLICED_PATCH = 'BatchMatMul batched (XNNPACK per slice)';

/** How often each path ran (tests check the fast paths are really taken). */
export const slicedBatchMatMulStats = { perSlice: 0, folded: 0, stock: 0 };

type WasmBatchMatMul = (...args: unknown[]) => void;
const entryPoints = new WeakMap<object, WasmBatchMatMul>();

/** The stock C++ BatchMatMul (a_id, a_shape, a_rank, b_id, b_shape, b_rank, tA, tB, out_id). */
function cppBatchMatMul(backend: WasmInternals): WasmBatchMatMul {
  let fn = entryPoints.get(backend.wasm);
  if (fn === undefined) {
    fn = backend.wasm.cwrap('BatchMatMul', null, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number', 'number']);
    entryPoints.set(backend.wasm, fn);
  }
  return fn;
}

const size = (shape: readonly number[]): number => tf.util.sizeFromShape([...shape]);
const shapeBytes = (shape: readonly number[]): Uint8Array => new Uint8Array(new Int32Array(shape).buffer);

/** Broadcast of two batch shapes (right-aligned, as numpy); throws when incompatible. */
export function broadcastBatch(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new Error(`BatchMatMul: batch shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
    return Math.max(x, y);
  });
}

/** For each flat index of the broadcast batch `out`, the flat index into batch shape `src`. */
export function sourceBatchIndex(src: readonly number[], out: readonly number[]): Int32Array {
  const idx = new Int32Array(size(out));
  const pad = out.length - src.length;
  for (let i = 0; i < idx.length; i++) {
    let rest = i;
    let flat = 0;
    let stride = 1;
    for (let d = out.length - 1; d >= 0; d--) {
      const dim = out[d] as number;
      const coord = rest % dim;
      rest = Math.floor(rest / dim);
      const sdim = d >= pad ? (src[d - pad] as number) : 1;
      if (sdim !== 1) flat += coord * stride;
      stride *= sdim;
    }
    idx[i] = flat;
  }
  return idx;
}

interface Problem {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly batchA: number[];
  readonly batchB: number[];
  readonly batchOut: number[];
}

function problemOf(a: tf.TensorInfo, b: tf.TensorInfo): Problem {
  const m = a.shape[a.shape.length - 2] as number;
  const k = a.shape[a.shape.length - 1] as number;
  const n = b.shape[b.shape.length - 1] as number;
  if (b.shape[b.shape.length - 2] !== k) throw new Error(`BatchMatMul: inner shapes of [${a.shape.join(',')}] and [${b.shape.join(',')}] differ`);
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  return { m, k, n, batchA, batchB, batchOut: broadcastBatch(batchA, batchB) };
}

/** b shared by all slices: one [B·M, K] × [K, N] product through the stock kernel. */
function foldedIntoRows(stock: tf.KernelFunc, backend: WasmInternals, a: tf.TensorInfo, b: tf.TensorInfo, p: Problem): tf.TensorInfo {
  const rows = size(p.batchA) * p.m;
  const out = stock({ inputs: { a: { ...a, shape: [rows, p.k] }, b: { ...b, shape: [p.k, p.n] } }, backend, attrs: { transposeA: false, transposeB: false } });
  if (Array.isArray(out)) throw new Error('BatchMatMul returned several outputs');
  return { ...out, shape: [...p.batchOut, p.m, p.n] };
}

/** One XNNPACK product per output slice, on views of a, b and the output. */
function perSlice(backend: WasmInternals, a: tf.TensorInfo, b: tf.TensorInfo, p: Problem): tf.TensorInfo {
  const out = backend.makeOutput([...p.batchOut, p.m, p.n], 'float32');
  const run = cppBatchMatMul(backend);
  const [ra, rb, ro] = [recordOf(backend, a), recordOf(backend, b), recordOf(backend, out)];
  const ia = sourceBatchIndex(p.batchA, p.batchOut);
  const ib = sourceBatchIndex(p.batchB, p.batchOut);
  const aShape = shapeBytes([1, p.m, p.k]);
  const bShape = shapeBytes([1, p.k, p.n]);
  const [sa, sb, so] = [p.m * p.k, p.k * p.n, p.m * p.n];
  for (let i = 0; i < ia.length; i++) {
    // Float32 = 4 bytes per element in the heap offsets.
    const va = registerView(backend, ra.memoryOffset + 4 * sa * (ia[i] as number), sa);
    const vb = registerView(backend, rb.memoryOffset + 4 * sb * (ib[i] as number), sb);
    const vo = registerView(backend, ro.memoryOffset + 4 * so * i, so);
    try {
      run(va, aShape, 3, vb, bShape, 3, 0, 0, vo);
    } finally {
      releaseView(backend, va);
      releaseView(backend, vb);
      releaseView(backend, vo);
    }
  }
  return out;
}

function isFastCase(a: tf.TensorInfo, b: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): boolean {
  const untransposed = attrs?.['transposeA'] !== true && attrs?.['transposeB'] !== true;
  return untransposed && a.dtype === 'float32' && b.dtype === 'float32' && isFastPathEnabled(BATCH_MATMUL_SLICED_PATCH);
}

/**
 * Wraps an untransposed BatchMatMul kernel: batched float32 products go through XNNPACK slice
 * by slice (or folded into rows); 2-D products, other dtypes, empty shapes and unrecognised
 * backends go to `stock`.
 */
export function makeSlicedBatchMatMul(stock: tf.KernelFunc): tf.KernelFunc {
  declareFastPath(BATCH_MATMUL_SLICED_PATCH);
  return (args) => {
    const { a, b } = args.inputs;
    const wasm = asWasmInternals(args.backend);
    if (a === undefined || b === undefined || wasm === null || !isFastCase(a, b, args.attrs)) return viaStock(stock, args);
    const p = problemOf(a, b);
    if (size(p.batchOut) <= 1 || p.m * p.k * p.n === 0) return viaStock(stock, args);
    if (size(p.batchB) === 1 && size(p.batchA) === size(p.batchOut)) {
      slicedBatchMatMulStats.folded++;
      return foldedIntoRows(stock, wasm, a, b, p);
    }
    slicedBatchMatMulStats.perSlice++;
    return perSlice(wasm, a, b, p);
  };
}

function viaStock(stock: tf.KernelFunc, args: Parameters<tf.KernelFunc>[0]): ReturnType<tf.KernelFunc> {
  slicedBatchMatMulStats.stock++;
  return stock(args);
}
