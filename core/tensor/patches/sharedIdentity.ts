/**
 * Identity and same-dtype Cast on wasm without a copy. The stock wasm kernels allocate a new
 * buffer and copy every element, and gradients call them all the time (Multiply's gradient
 * casts its other operand, Cast's gradient clones dy): ~250 full-size copies per SASRec step.
 * tfjs tensors are immutable and the wasm backend reference-counts buffers (Reshape already
 * shares them this way), so the output can share the input's buffer, as the cpu backend does.
 */
import type * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { declareFastPath, isFastPathEnabled } from './fastPaths';
import { wrapWasmKernel } from './wrapWasmKernel';

/** Patch / fast-path name as reported in BackendInfo.patches. */
export const SHARED_IDENTITY_PATCH = 'Identity/Cast same dtype (shared buffer)';

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

function isRefCounting(backend: unknown): backend is RefCountingBackend {
  return typeof backend === 'object' && backend !== null && typeof (backend as Record<string, unknown>)['incRef'] === 'function';
}

function makeWrapper(stock: tf.KernelFunc, targetDtype: (args: Parameters<tf.KernelFunc>[0]) => unknown): tf.KernelFunc {
  return (args) => {
    const x = args.inputs['x'];
    const backend = args.backend;
    const shareable = x !== undefined && x.dtype !== 'string' && targetDtype(args) === x.dtype;
    if (!shareable || !isRefCounting(backend) || !isFastPathEnabled(SHARED_IDENTITY_PATCH)) return stock(args);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  };
}

/** Wraps the wasm Identity and Cast kernels. Call before tf.setBackend('wasm'). */
export function registerSharedIdentity(): void {
  declareFastPath(SHARED_IDENTITY_PATCH);
  wrapWasmKernel('Identity', SHARED_IDENTITY_PATCH, (stock) => makeWrapper(stock, (args) => args.inputs['x']?.dtype));
  wrapWasmKernel('Cast', SHARED_IDENTITY_PATCH, (stock) => makeWrapper(stock, (args) => args.attrs?.['dtype']));
}
