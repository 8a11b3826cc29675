/**
 * The window side of the window compute host. It starts the module Web Worker that trains SASRec
 * and runs CPRec / RecCocktail on WebGPU (electron/compute-worker), offers it to the host once its self-test passed
 * (compute.attach), hands it the jobs the host sends this window (compute.onRequest) and relays
 * its events, checkpoint bytes and recipe file calls back (compute.event / compute.*Checkpoint /
 * compute.fileSize, readFile, writeFile).
 */
import type { ComputeFileCall, ComputeFileReply, ComputePreference, FromComputeWorker, RendererBridge, ToComputeWorker } from '../../core/protocol';
import { invoke, toApiError } from '../ipc/invoke';
import { missingWebGpu } from './gpuProbe';

type Note = (text: string) => void;
type CheckpointCall = Extract<FromComputeWorker, { type: 'writeCheckpoint' | 'readCheckpoint' }>;

/** One started worker; replies go to the worker that asked, never to a successor. */
interface Link {
  readonly worker: Worker;
  offered: Extract<FromComputeWorker, { type: 'ready' }> | null;
}

let link: Link | null = null;
let preference: ComputePreference = 'auto';
let listening = false;

/** Offers the worker to the host. */
async function attach(current: Link, note: Note): Promise<void> {
  if (current.offered === null) return;
  try {
    await invoke('compute.attach', { backend: current.offered.backend });
    note(`WebGPU worker attached: ${current.offered.backend.detail}`);
  } catch (error) {
    note(`WebGPU worker not attached: ${toApiError(error).message}`);
  }
}

async function checkpointBytes(call: CheckpointCall): Promise<string | null> {
  const { runId, name } = call;
  if (call.type === 'readCheckpoint') return (await invoke('compute.readCheckpoint', { runId, name })).bytes;
  await invoke('compute.writeCheckpoint', { runId, name, bytes: call.bytes });
  return null;
}

async function relayCheckpoint(asker: Worker, call: CheckpointCall): Promise<void> {
  let reply: ToComputeWorker;
  try {
    reply = { type: 'reply', callId: call.callId, ok: true, bytes: await checkpointBytes(call) };
  } catch (error) {
    reply = { type: 'reply', callId: call.callId, ok: false, message: toApiError(error).message };
  }
  asker.postMessage(reply);
}

function fileCall(call: ComputeFileCall): Promise<ComputeFileReply> {
  switch (call.channel) {
    case 'compute.fileSize':
      return invoke(call.channel, call.request);
    case 'compute.readFile':
      return invoke(call.channel, call.request);
    case 'compute.writeFile':
      return invoke(call.channel, call.request);
  }
}

/** A recipe run's file call (the host confines its path to the run's folders). */
async function relayFile(asker: Worker, message: Extract<FromComputeWorker, { type: 'file' }>): Promise<void> {
  let reply: ToComputeWorker;
  try {
    reply = { type: 'fileReply', callId: message.callId, ok: true, value: await fileCall(message.call) };
  } catch (error) {
    reply = { type: 'fileReply', callId: message.callId, ok: false, message: toApiError(error).message };
  }
  asker.postMessage(reply);
}

function stop(current: Link): void {
  current.worker.terminate();
  if (link === current) link = null;
}

function onWorkerMessage(current: Link, message: FromComputeWorker, note: Note): void {
  switch (message.type) {
    case 'ready':
      current.offered = message;
      void attach(current, note);
      return;
    case 'unavailable':
      note(`no WebGPU worker: ${message.reason}`);
      return stop(current);
    case 'event':
      invoke('compute.event', { event: message.event }).catch((error: unknown) => note(`compute event refused: ${toApiError(error).message}`));
      return;
    case 'writeCheckpoint':
    case 'readCheckpoint':
      void relayCheckpoint(current.worker, message);
      return;
    case 'file':
      void relayFile(current.worker, message);
      return;
    default: {
      const never: never = message;
      note(`unknown compute worker message ${JSON.stringify(never)}`);
    }
  }
}

function spawn(note: Note): void {
  const worker = new Worker(new URL('../../electron/compute-worker/computeWorker.ts', import.meta.url), { type: 'module', name: 'recforge-compute' });
  const current: Link = { worker, offered: null };
  link = current;
  worker.onmessage = (event: MessageEvent<FromComputeWorker>) => onWorkerMessage(current, event.data, note);
  worker.onerror = () => {
    stop(current);
    note('the WebGPU worker stopped');
    void invoke('compute.detach', {}).catch(() => undefined);
  };
  const init: ToComputeWorker = { type: 'init', allowSoftwareGpu: preference === 'window' };
  worker.postMessage(init);
}

/**
 * Starts this window's compute worker unless the host trains only on Node or there is no adapter.
 * A software adapter is accepted only when the host forces the window path (tests).
 */
export async function startWindowCompute(bridge: RendererBridge, wanted: ComputePreference, note: Note): Promise<void> {
  if (link !== null) return;
  preference = wanted;
  if (wanted === 'node') return note('no WebGPU worker: the host trains on Node only (RECFORGE_COMPUTE=node)');
  const missing = await missingWebGpu();
  if (missing !== null) return note(`no WebGPU worker: ${missing}`);
  if (!listening) {
    listening = true;
    bridge.on('compute.onRequest', (request) => link?.worker.postMessage({ type: 'request', request } satisfies ToComputeWorker));
  }
  spawn(note);
}

/**
 * After the web socket reconnects: the host has interrupted whatever this window was training, so
 * the worker (possibly still mid-job) is replaced by a fresh one that attaches anew.
 */
export function restartWindowCompute(note: Note): void {
  if (link === null) return;
  stop(link);
  spawn(note);
}
