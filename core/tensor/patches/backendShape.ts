/**
 * Structural views of the two backend classes our kernels talk to. tfjs types a kernel's backend
 * as `{}`, so we check at run time for the methods we need instead of importing backend classes.
 */
import type * as tf from '@tensorflow/tfjs';

/** Methods both the wasm and the cpu backend have. */
export interface ReadableBackend {
  readSync(dataId: tf.DataId): tf.BackendValues;
  disposeData(dataId: tf.DataId): boolean;
}

/** The wasm backend: outputs are made with makeOutput (optionally copying `values` in). */
export interface WasmLikeBackend extends ReadableBackend {
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: tf.BackendValues): tf.TensorInfo;
}

/** The cpu backend: outputs are made with makeTensorInfo. */
export interface CpuLikeBackend extends ReadableBackend {
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.BackendValues): tf.TensorInfo;
}

function hasMethods(x: unknown, names: readonly string[]): boolean {
  if (typeof x !== 'object' || x === null) return false;
  const rec = x as Record<string, unknown>;
  return names.every((n) => typeof rec[n] === 'function');
}

/** True when `backend` can read tensors and free them. */
export function isReadableBackend(backend: unknown): backend is ReadableBackend {
  return hasMethods(backend, ['readSync', 'disposeData']);
}

/** True for the wasm backend's shape. */
export function isWasmLikeBackend(backend: unknown): backend is WasmLikeBackend {
  return isReadableBackend(backend) && hasMethods(backend, ['makeOutput']);
}

/** True for the cpu backend's shape. */
export function isCpuLikeBackend(backend: unknown): backend is CpuLikeBackend {
  return isReadableBackend(backend) && hasMethods(backend, ['makeTensorInfo']);
}

/**
 * Creates an output tensor holding `values`. Dispatches on the backend's registered name, not on
 * its methods: cpu also has a `makeOutput`, with a different signature.
 */
export function makeOutputWithValues(
  backendName: 'wasm' | 'cpu',
  backend: unknown,
  shape: number[],
  dtype: tf.DataType,
  values: Float32Array | Int32Array,
): tf.TensorInfo {
  if (backendName === 'wasm' && isWasmLikeBackend(backend)) return backend.makeOutput(shape, dtype, undefined, values);
  if (backendName === 'cpu' && isCpuLikeBackend(backend)) return backend.makeTensorInfo(shape, dtype, values);
  throw new Error(`kernel patch: backend does not look like tfjs ${backendName}`);
}
