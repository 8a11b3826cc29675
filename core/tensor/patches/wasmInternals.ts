/**
 * A structural view of the tfjs-backend-wasm internals our fast kernels use: the Emscripten
 * module (cwrap, tensor registration) and the backend's data-id table. tfjs does not export these
 * types, so every use is guarded by `asWasmInternals`, which returns null when the backend does
 * not look as expected (another tfjs version); callers then fall back to the stock kernel.
 */
import type * as tf from '@tensorflow/tfjs';

/** The parts of the Emscripten module we call. */
export interface WasmModuleView {
  cwrap(name: string, returnType: null, argTypes: string[]): (...args: unknown[]) => void;
  tfjs: {
    registerTensor(id: number, size: number, memoryOffset: number): void;
    disposeData(id: number): void;
  };
}

/** Per-tensor record of the wasm backend: its C++ id and where its bytes live in the heap. */
export interface WasmTensorRecord {
  readonly id: number;
  readonly memoryOffset: number;
}

/** The wasm backend as our kernels see it. */
export interface WasmInternals {
  readonly wasm: WasmModuleView;
  readonly dataIdMap: { get(dataId: tf.DataId): WasmTensorRecord | undefined };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  disposeData(dataId: tf.DataId): boolean;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** The backend viewed as WasmInternals, or null when its shape differs from tfjs-backend-wasm 4.x. */
export function asWasmInternals(backend: unknown): WasmInternals | null {
  if (!isObject(backend) || !isObject(backend['wasm']) || !isObject(backend['dataIdMap'])) return null;
  const wasm = backend['wasm'];
  const tfjs = wasm['tfjs'];
  const ok =
    typeof wasm['cwrap'] === 'function' &&
    isObject(tfjs) &&
    typeof tfjs['registerTensor'] === 'function' &&
    typeof tfjs['disposeData'] === 'function' &&
    typeof backend['dataIdMap']['get'] === 'function' &&
    typeof backend['dataIdNextNumber'] === 'number' &&
    typeof backend['makeOutput'] === 'function' &&
    typeof backend['disposeData'] === 'function';
  return ok ? (backend as unknown as WasmInternals) : null;
}

/** Heap record of a tensor; throws when the backend does not know it. */
export function recordOf(backend: WasmInternals, t: tf.TensorInfo): WasmTensorRecord {
  const rec = backend.dataIdMap.get(t.dataId);
  if (rec === undefined || typeof rec.memoryOffset !== 'number') throw new Error('wasm kernel patch: unknown tensor');
  return rec;
}

/**
 * Registers a C++ tensor id for `size` floats at `memoryOffset` — a view into memory another
 * tensor owns. Ids come from the backend's own counter so they never collide with real tensors.
 * Release with `releaseView`, which drops the id (and any XNNPACK operator cached on it) but
 * frees no memory.
 */
export function registerView(backend: WasmInternals, memoryOffset: number, size: number): number {
  const id = backend.dataIdNextNumber++;
  backend.wasm.tfjs.registerTensor(id, size, memoryOffset);
  return id;
}

/** Forgets a view id registered by `registerView`. */
export function releaseView(backend: WasmInternals, id: number): void {
  backend.wasm.tfjs.disposeData(id);
}
