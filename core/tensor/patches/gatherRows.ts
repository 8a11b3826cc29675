/**
 * A plain-JS GatherV2 for wasm, for the embedding-lookup case (axis 0, no batch dims). The stock
 * wasm kernel takes ~28 ms to gather 6,400 rows of 64 floats (SASRec's batch), a copy that takes
 * ~1 ms in JS; every training step does three such lookups. Other cases, and tables too large to
 * read out of the wasm heap cheaply, go to the stock kernel.
 */
import type * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { isReadableBackend, makeOutputWithValues } from './backendShape';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch name as reported in BackendInfo.patches. */
export const GATHER_ROWS_PATCH = 'GatherV2 axis 0 (JS kernel)';

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

function isFastCase(x: tf.TensorInfo, attrs: tf.NamedAttrMap | undefined): boolean {
  const rank = x.shape.length;
  const axis = Number(attrs?.['axis'] ?? 0);
  const batchDims = Number(attrs?.['batchDims'] ?? 0);
  const size = x.shape.reduce((a, b) => a * b, 1);
  const axisIsZero = axis === 0 || axis === -rank;
  return axisIsZero && batchDims === 0 && rank >= 1 && size <= MAX_TABLE_ELEMENTS && (x.dtype === 'float32' || x.dtype === 'int32');
}

function makeWrapper(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs['x'];
    const indices = inputs['indices'];
    if (x === undefined || indices === undefined || !isFastCase(x, attrs) || !isReadableBackend(backend)) return stock(args);
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
  wrapWasmKernel('GatherV2', GATHER_ROWS_PATCH, makeWrapper);
}
