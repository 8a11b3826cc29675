/**
 * The dedicated-worker global as this worker uses it. Typed here because the folder compiles with
 * the Node runtime's tsconfig (no WebWorker lib); nothing Node-specific may be used in it.
 */
import type { FromComputeWorker, ToComputeWorker } from '../../core/protocol/compute';

export interface ComputeWorkerScope {
  postMessage(message: FromComputeWorker): void;
  addEventListener(type: 'message', listener: (event: { readonly data: ToComputeWorker }) => void): void;
}

export const scope = globalThis as unknown as ComputeWorkerScope;
