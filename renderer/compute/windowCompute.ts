/**
 * The window side of the window compute host. It starts the module Web Worker that trains SASRec
 * on WebGPU (electron/compute-worker), offers it to the host once its self-test passed
 * (compute.attach), hands it the jobs the host sends this window (compute.onRequest) and relays
 * its events and checkpoint bytes back (compute.event / compute.*Checkpoint).
 */
import type { ComputePreference, FromComputeWorker, RendererBridge, ToComputeWorker } from '../../core/protocol';
import { invoke, toApiError } from '../ipc/invoke';
import { missingWebGpu } from './gpuProbe';

type Note = (text: string) => void;

let worker: Worker | null = null;
let offered: Extract<FromComputeWorker, { type: 'ready' }> | null = null;

function post(message: ToComputeWorker): void {
  worker?.postMessage(message);
}

/** Offers the worker to the host (again after a reconnect: the host forgot the old connection). */
async function attach(note: Note): Promise<void> {
  if (offered === null) return;
  try {
    await invoke('compute.attach', { backend: offered.backend });
    note(`WebGPU worker attached: ${offered.backend.detail}`);
  } catch (error) {
    note(`WebGPU worker not attached: ${toApiError(error).message}`);
  }
}

async function relayCheckpoint(message: Extract<FromComputeWorker, { type: 'writeCheckpoint' | 'readCheckpoint' }>): Promise<void> {
  const { callId, runId, name } = message;
  try {
    const bytes =
      message.type === 'writeCheckpoint'
        ? (await invoke('compute.writeCheckpoint', { runId, name, bytes: message.bytes }), null)
        : (await invoke('compute.readCheckpoint', { runId, name })).bytes;
    post({ type: 'reply', callId, ok: true, bytes });
  } catch (error) {
    post({ type: 'reply', callId, ok: false, message: toApiError(error).message });
  }
}

function onWorkerMessage(message: FromComputeWorker, note: Note): void {
  switch (message.type) {
    case 'ready':
      offered = message;
      void attach(note);
      return;
    case 'unavailable':
      note(`no WebGPU worker: ${message.reason}`);
      worker?.terminate();
      worker = null;
      return;
    case 'event':
      invoke('compute.event', { event: message.event }).catch((error: unknown) => note(`compute event refused: ${toApiError(error).message}`));
      return;
    case 'writeCheckpoint':
    case 'readCheckpoint':
      void relayCheckpoint(message);
      return;
    default: {
      const never: never = message;
      note(`unknown compute worker message ${JSON.stringify(never)}`);
    }
  }
}

function onWorkerCrash(note: Note): void {
  worker = null;
  offered = null;
  note('the WebGPU worker stopped');
  void invoke('compute.detach', {}).catch(() => undefined);
}

/**
 * Starts this window's compute worker unless the host trains only on Node or there is no adapter.
 * A software adapter is accepted only when the host forces the window path (tests).
 */
export async function startWindowCompute(bridge: RendererBridge, preference: ComputePreference, note: Note): Promise<void> {
  if (worker !== null) return;
  if (preference === 'node') return note('no WebGPU worker: the host trains on Node only (RECFORGE_COMPUTE=node)');
  const missing = await missingWebGpu();
  if (missing !== null) return note(`no WebGPU worker: ${missing}`);
  worker = new Worker(new URL('../../electron/compute-worker/computeWorker.ts', import.meta.url), { type: 'module', name: 'recforge-compute' });
  worker.onmessage = (event: MessageEvent<FromComputeWorker>) => onWorkerMessage(event.data, note);
  worker.onerror = () => onWorkerCrash(note);
  bridge.on('compute.onRequest', (request) => post({ type: 'request', request }));
  post({ type: 'init', allowSoftwareGpu: preference === 'window' });
}

/** After the web socket reconnects: offer the worker again. */
export function reattachWindowCompute(note: Note): void {
  void attach(note);
}
