/**
 * The backend ladder: tfjs-node-gpu → tfjs-node → webgpu → wasm (SIMD, patched) → cpu (patched).
 * Each rung must load and pass a start-up self-test; otherwise the ladder moves on and records
 * why, so the UI can show which backend runs and why the faster ones were skipped.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendInfo } from '../protocol/dto';
import { RecForgeError } from '../errors';
import { applyCpuPatches, applyWasmPatches } from './patches';
import { registerReductionGradients } from './patches/reductionGradients';
import { backendSelfTest } from './selfTest';
import { probeWebGpu } from './webgpuRung';
import { loadSimdKernels } from './simd/simdModule';

/** Loads a module by specifier. Injected so tests (and bundles) control native imports. */
export type ModuleImporter = (spec: string) => Promise<unknown>;

/** Rung names, in default order. */
export const BACKEND_RUNGS = ['tfjs-node-gpu', 'tfjs-node', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendRung = (typeof BACKEND_RUNGS)[number];

/** Options of initBackend. */
export interface InitBackendOptions {
  /** Rungs to try, in order (default: all of BACKEND_RUNGS). */
  readonly prefer?: readonly string[];
  /** Dynamic import used for the native tfjs-node packages. */
  readonly importer?: ModuleImporter;
  /** Accept a software WebGPU adapter (SwiftShader): correct but slow, so off except in tests. */
  readonly allowSoftwareGpu?: boolean;
}

type Activation = { readonly ok: true; readonly info: BackendInfo } | { readonly ok: false; readonly reason: string };

// A non-literal specifier keeps bundlers from trying to resolve the optional native packages.
const defaultImporter: ModuleImporter = (spec) => import(/* @vite-ignore */ spec);

const NATIVE_PACKAGES: Readonly<Record<string, string>> = {
  'tfjs-node-gpu': '@tensorflow/tfjs-node-gpu',
  'tfjs-node': '@tensorflow/tfjs-node',
};

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? text;
}

/** Switches to `backendName` and runs the self-test. */
async function activate(backendName: string, rung: string, patches: string[], detail: string): Promise<Activation> {
  let ok: boolean;
  try {
    ok = await tf.setBackend(backendName);
  } catch (err) {
    return { ok: false, reason: `${rung}: backend init threw: ${message(err)}` };
  }
  if (!ok) return { ok: false, reason: `${rung}: backend '${backendName}' failed to initialise` };
  const test = await backendSelfTest();
  if (!test.ok) return { ok: false, reason: `${rung}: ${test.reason}` };
  return { ok: true, info: { name: backendName, detail, patches, ...(test.degraded ? { degraded: test.degraded } : {}) } };
}

async function tryNative(rung: string, importer: ModuleImporter): Promise<Activation> {
  const spec = NATIVE_PACKAGES[rung] ?? rung;
  try {
    await importer(spec);
  } catch (err) {
    return { ok: false, reason: `${rung}: not available (${message(err)})` };
  }
  // Both native packages register the backend under the same name.
  if (tf.findBackendFactory('tensorflow') === null) return { ok: false, reason: `${rung}: loaded but registered no 'tensorflow' backend` };
  return activate('tensorflow', rung, [], `${spec} (native TensorFlow)`);
}

async function tryWasm(): Promise<Activation> {
  // Patches must be registered before setBackend('wasm') runs the kernels' setup functions; the
  // SIMD kernel module compiles asynchronously first (its patch falls back while it is missing).
  await loadSimdKernels();
  const patches = applyWasmPatches();
  const res = await activate('wasm', 'wasm', patches, 'wasm');
  if (!res.ok) return res;
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT').catch(() => false);
  return { ok: true, info: { ...res.info, detail: `wasm (${simd === true ? 'SIMD' : 'no SIMD'}, 1 thread) with ${patches.length} kernel patches` } };
}

async function tryWebGpu(allowSoftware: boolean): Promise<Activation> {
  const probe = await probeWebGpu();
  if (!probe.ok) return { ok: false, reason: `webgpu: ${probe.reason}` };
  if (probe.software && !allowSoftware) return { ok: false, reason: `webgpu: software adapter (${probe.adapter}) is slower than wasm` };
  try {
    // A literal specifier: bundlers include the package for the renderer; Node never gets here.
    await import('@tensorflow/tfjs-backend-webgpu');
  } catch (err) {
    return { ok: false, reason: `webgpu: backend package failed to load (${message(err)})` };
  }
  return activate('webgpu', 'webgpu', [], `webgpu (${probe.adapter}${probe.software ? ', software' : ''})`);
}

async function tryRung(rung: string, opts: InitBackendOptions): Promise<Activation> {
  switch (rung) {
    case 'tfjs-node-gpu':
    case 'tfjs-node':
      return tryNative(rung, opts.importer ?? defaultImporter);
    case 'webgpu':
      return tryWebGpu(opts.allowSoftwareGpu === true);
    case 'wasm':
      return tryWasm();
    case 'cpu':
      return activate('cpu', 'cpu', applyCpuPatches(), 'cpu (pure JS, slow)');
    default:
      return { ok: false, reason: `${rung}: unknown backend rung` };
  }
}

/**
 * Initialises the fastest working backend. Resolves with the winner; BackendInfo.detail names the
 * winning rung and the reasons the earlier rungs were skipped. Throws RecForgeError('internal')
 * when no rung works.
 *
 * @example const info = await initBackend(); // { name: 'wasm', detail: 'wasm (SIMD…) …; skipped: …' }
 */
export async function initBackend(opts: InitBackendOptions = {}): Promise<BackendInfo> {
  const rungs = opts.prefer ?? BACKEND_RUNGS;
  // Gradients are backend-independent: registered once whichever rung wins.
  const gradients = registerReductionGradients();
  const skipped: string[] = [];
  for (const rung of rungs) {
    const res = await tryRung(rung, opts);
    if (res.ok) {
      const why = skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : '';
      return { ...res.info, patches: [...res.info.patches, gradients], detail: `${res.info.detail}${why}` };
    }
    skipped.push(res.reason);
  }
  throw new RecForgeError('internal', `no tfjs backend works: ${skipped.join('; ')}`);
}
