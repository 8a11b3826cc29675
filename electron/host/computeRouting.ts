/**
 * Which side trains a SASRec job (and runs a CPRec / RecCocktail job: the same rule). A window's WebGPU worker wins when the Node worker landed on a
 * CPU rung (wasm, cpu); native TensorFlow in the Node worker (CUDA with tfjs-node-gpu) stays
 * preferred. RECFORGE_COMPUTE=node|window forces a side (tests force the window: SwiftShader's
 * software WebGPU is correct but slower than wasm, so the rule alone would never pick it).
 */
import { RecForgeError } from '../../core/errors';
import { COMPUTE_PREFERENCES, MAX_CHECKPOINT_BYTES, type ComputePreference, type ComputeRouting } from '../../core/protocol/compute';
import type { BackendInfo, SasRecConfig } from '../../core/protocol/dto';

/** Node-worker backends the WebGPU window host outruns on a real GPU. */
const CPU_BACKENDS = new Set(['wasm', 'cpu']);

/** Reads RECFORGE_COMPUTE (absent = 'auto'); a value outside the list is a clear start-up error. */
export function computePreferenceFrom(value: string | undefined): ComputePreference {
  if (value === undefined || value === '') return 'auto';
  const found = COMPUTE_PREFERENCES.find((p) => p === value);
  if (found === undefined) {
    throw new RecForgeError('validation', `RECFORGE_COMPUTE=${value} is not one of ${COMPUTE_PREFERENCES.join(', ')}`, {
      file: 'RECFORGE_COMPUTE',
      expected: COMPUTE_PREFERENCES.join(' | '),
    });
  }
  return found;
}

/** "SwiftShader …" out of "webgpu (SwiftShader …, software); skipped: …". */
export function adapterOf(backend: BackendInfo): string {
  return /^webgpu \((.*?)\)(;|$)/.exec(backend.detail)?.[1] ?? backend.detail.split(';')[0] ?? backend.name;
}

function onWindow(preference: ComputePreference, window: BackendInfo, node: BackendInfo | null): ComputeRouting {
  const why = preference === 'window' ? 'forced by RECFORGE_COMPUTE=window' : `Node worker has ${node?.name ?? 'no backend'}`;
  return { preference, target: 'window', window, reason: `training on WebGPU (window, ${adapterOf(window)}) — ${why}` };
}

function onNode(preference: ComputePreference, node: BackendInfo, window: BackendInfo | null): ComputeRouting {
  const why =
    preference === 'node' ? 'forced by RECFORGE_COMPUTE=node'
    : window === null ? 'no window offers WebGPU'
    : `the Node worker's ${node.name} is preferred over the window's ${window.name}`;
  return { preference, target: 'node', window, reason: `training on ${node.name} (Node worker) — ${why}` };
}

/** The routing rule, as data: where SASRec jobs go now and the sentence the status bar shows. */
export function routeSasRec(preference: ComputePreference, node: BackendInfo | null, window: BackendInfo | null): ComputeRouting {
  if (preference === 'window') {
    return window !== null ? onWindow(preference, window, node) : { preference, target: 'waiting', window, reason: 'RECFORGE_COMPUTE=window: waiting for a window with WebGPU' };
  }
  if (node === null) return { preference, target: 'waiting', window, reason: 'the Node worker is starting its backend' };
  const windowWins = preference === 'auto' && window?.name === 'webgpu' && CPU_BACKENDS.has(node.name);
  return windowWins && window !== null ? onWindow(preference, window, node) : onNode(preference, node, window);
}

/**
 * Bytes of a SASRec checkpoint: weights plus Adam's two moments, float32 — embeddings
 * ((items + 1 + maxLen) · hidden) and per block about 6 · hidden² (attention and feed-forward).
 */
export function sasrecCheckpointBytes(config: SasRecConfig, numItems: number): number {
  const params = (numItems + 1 + config.maxLen) * config.hidden + config.blocks * 6 * config.hidden * config.hidden;
  return params * 3 * 4;
}

/** Whether a job's checkpoints fit through the window host's transport (with room for the header). */
export function fitsWindowHost(config: SasRecConfig, numItems: number): boolean {
  return sasrecCheckpointBytes(config, numItems) <= 0.9 * MAX_CHECKPOINT_BYTES;
}
