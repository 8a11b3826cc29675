/**
 * GatherV2 for wasm in the embedding-lookup case (axis 0, no batch dims). The stock wasm kernel
 * takes ~28 ms to gather 6,400 rows of 64 floats (SASRec's batch); every training step does
 * three such lookups. Float tables with int32 ids are copied row by row on the heap by our SIMD
 * module (rows.c; nothing leaves the heap); elsewhere a JS copy (~1 ms, it reads the table out
 * first). Other cases, and tables too large to read out cheaply, go to the stock kernel.
 */
import type * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { simdOnBackend } from '../simd/simdModule';
import { isReadableBackend, makeOutputWithValues } from './backendShape';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch name as reported in BackendInfo.patches. */
export const GATHER_ROWS_PATCH = 'GatherV2 axis 0 (JS kernel)';

/** Fast-path name of the SIMD row copy (the self-test can turn it off). */
export const GATHER_ROWS_SIMD = 'GatherV2 axis 0 (SIMD, on the heap)';

/** How often each path ran (tests check the SIMD one is really taken). */
export const gatherRowsStats = { simd: 0, js: 0 };

/** Tables above this many elements use the stock kernel (reading them out would cost more). */
const MAX_TABLE_ELEMENTS = 1 << 22;

/** out[i, …] = table[ids[i], …]; throws on an out-of-range id, as the cpu kernel does. */
export function gatherRows(
  table: Float32Array | Int32Array,
  rows: number,
  ids: ArrayLike<number>,
  inner: number,
  out: Float32Array | Int32Array,
): void {
  for (let i = 0; i < ids.length; i++) {
    const r = ids[i] as number;
    if (!(r >= 0 && r < rows)) throw new Error(`GatherV2: index ${r} is not in [0, ${rows - 1}]`);
    out.set(table.subarray(r * inner, (r + 1) * inner), i * inner);
  }
}

function isRowLookup(x: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): boolean {
  const rank = x.shape.length;
  const axis = Number(attrs?.['axis'] ?? 0);
  const batchDims = Number(attrs?.['batchDims'] ?? 0);
  return (axis === 0 || axis === -rank) && batchDims === 0 && rank >= 1;
}

function isJsCase(x: tf.TensorInfo): boolean {
  const size = x.shape.reduce((a, b) => a * b, 1);
  return size <= MAX_TABLE_ELEMENTS && (x.dtype === 'float32' || x.dtype === 'int32');
}

/** The lookup on the heap by the SIMD module; null when it does not apply here. */
function gatherOnHeap(backend: unknown, x: tf.TensorInfo, indices: tf.TensorInfo): tf.TensorInfo | null {
  const on = simdOnBackend(backend);
  if (on === null || x.dtype !== 'float32' || indices.dtype !== 'int32' || !isFastPathEnabled(GATHER_ROWS_SIMD)) return null;
  const rows = x.shape[0] as number;
  const inner = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const n = indices.shape.reduce((a, b) => a * b, 1);
  const out = on.internals.makeOutput([...indices.shape, ...x.shape.slice(1)], 'float32');
  const bad = on.simd.gather_rows(on.at(x), rows, on.at(indices), n, inner, on.at(out));
  if (bad < 0) return out;
  on.internals.disposeData(out.dataId);
  const id = isReadableBackend(backend) ? (backend.readSync(indices.dataId) as Int32Array)[bad] : bad;
  throw new Error(`GatherV2: index ${id} is not in [0, ${rows - 1}]`);
}

function makeWrapper(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs['x'];
    const indices = inputs['indices'];
    if (x === undefined || indices === undefined || !isRowLookup(x, attrs)) return stock(args);
    const onHeap = gatherOnHeap(backend, x, indices);
    if (onHeap !== null) {
      gatherRowsStats.simd++;
      return onHeap;
    }
    if (!isJsCase(x) || !isReadableBackend(backend)) return stock(args);
    gatherRowsStats.js++;
    const table = backend.readSync(x.dataId) as Float32Array | Int32Array;
    const ids = backend.readSync(indices.dataId) as Int32Array | Float32Array;
    const rows = x.shape[0] as number;
    const inner = x.shape.slice(1).reduce((a, b) => a * b, 1);
    const out = x.dtype === 'int32' ? new Int32Array(ids.length * inner) : new Float32Array(ids.length * inner);
    gatherRows(table, rows, ids, inner, out);
    return makeOutputWithValues('wasm', backend, [...indices.shape, ...x.shape.slice(1)], x.dtype, out);
  };
}

/** Wraps the wasm GatherV2 kernel (keeping its setupFunc). Call before tf.setBackend('wasm'). */
export function registerGatherRows(): void {
  declareFastPath(GATHER_ROWS_SIMD);
  wrapWasmKernel('GatherV2', GATHER_ROWS_PATCH, makeWrapper);
}
