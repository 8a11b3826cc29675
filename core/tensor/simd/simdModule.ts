/**
 * RecForge's SIMD kernel module (core/tensor/simd/*.c, built into kernelsWasm.ts), run directly
 * on tfjs-backend-wasm's heap: the module imports the backend's own WebAssembly.Memory, so
 * operands are read and results written where tfjs keeps its tensors — no copies. That is safe
 * because the module has no data segments and never touches its shadow stack (scripts/buildSimd.mjs
 * checks both), so it owns no bytes of that memory; scratch comes from the backend's own malloc.
 */
import type * as tf from '@tensorflow/tfjs';
import { asWasmInternals, recordOf, type WasmInternals } from '../patches/wasmInternals';
import { WASM_BASE64 } from './kernelsWasm';

/** The tfjs wasm module as the kernels see it: its memory and its allocator. */
export interface HeapOwner {
  readonly memory: object;
  malloc(bytes: number): number;
  free(ptr: number): void;
}

/** The module's exports; pointers are byte offsets into the tfjs heap. */
export interface SimdExports {
  gemm(batch: number, m: number, n: number, k: number, tA: number, tB: number, a: number, sa: number, b: number, sb: number, c: number, scratch: number): void;
  gemm_scratch(m: number, n: number, k: number, tA: number): number;
  sum_rows(x: number, rows: number, inner: number, out: number): void;
  dropout_mask(state: number, n: number, threshold: number, keepAll: number, scale: number, out: number): void;
  /** −1, or the position of the first id outside [0, rows). */
  gather_rows(table: number, rows: number, ids: number, n: number, inner: number, out: number): number;
  segment_sum(x: number, ids: number, n: number, inner: number, segments: number, out: number): void;
  layer_norm(x: number, rows: number, width: number, gamma: number, beta: number, eps: number, y: number, xhat: number, rstd: number): void;
  layer_norm_grad(dy: number, xhat: number, rstd: number, gamma: number, rows: number, width: number, scratch: number, dx: number, dgamma: number, dbeta: number): void;
  row_max_sum_exp(x: number, rows: number, width: number, maxima: number, sums: number): void;
  softmax_xent_grad(x: number, lse: number, scale: number, target: number, rows: number, width: number, dx: number): void;
  rope(x: number, batch: number, heads: number, len: number, dh: number, cos: number, sin: number, perBatch: number, backward: number, y: number): void;
}

// core/ compiles without DOM or Node typings: the few WebAssembly and base64 globals it needs.
interface WasmGlobals {
  readonly WebAssembly: {
    compile(bytes: Uint8Array): Promise<object>;
    Instance: new (module: object, imports: object) => { exports: unknown };
  };
  atob(text: string): string;
}
const globals = globalThis as unknown as WasmGlobals;

function decodeBase64(text: string): Uint8Array {
  const bin = globals.atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let compiling: Promise<object | null> | null = null;
let compiled: object | null = null;
/** One instance per tfjs memory (a backend re-initialised gets a new one). */
const instances = new WeakMap<object, SimdExports>();

/** Compiles the module once (asynchronously, as browsers require); resolves false where wasm SIMD is missing. */
export async function loadSimdKernels(): Promise<boolean> {
  compiling ??= globals.WebAssembly.compile(decodeBase64(WASM_BASE64)).then(
    (m) => (compiled = m),
    () => null,
  );
  return (await compiling) !== null;
}

/** True once loadSimdKernels has succeeded. */
export function simdKernelsReady(): boolean {
  return compiled !== null;
}

/** The module instantiated on `heap`'s memory. */
export function simdOn(heap: HeapOwner): SimdExports {
  let inst = instances.get(heap.memory);
  if (inst === undefined) {
    if (compiled === null) throw new Error('SIMD kernel module not compiled');
    inst = new globals.WebAssembly.Instance(compiled, { env: { memory: heap.memory } }).exports as SimdExports;
    instances.set(heap.memory, inst);
  }
  return inst;
}

const heaps = new WeakMap<object, HeapOwner | null>();

/** The wasm backend's memory and allocator (looked up once per backend), or null when this tfjs build does not expose them. */
export function heapOf(backend: { readonly wasm: object }): HeapOwner | null {
  let heap = heaps.get(backend);
  if (heap === undefined) {
    const wasm = backend.wasm as { asm?: { memory?: object }; _malloc?: (n: number) => number; _free?: (p: number) => void };
    const [memory, malloc, free] = [wasm.asm?.memory, wasm._malloc, wasm._free];
    heap = memory === undefined || typeof malloc !== 'function' || typeof free !== 'function'
      ? null
      : { memory, malloc: (n) => malloc.call(wasm, n) >>> 0, free: (ptr) => free.call(wasm, ptr) };
    heaps.set(backend, heap);
  }
  return heap;
}

/** What a caller needs to run a kernel of the module on a backend's tensors in place. */
export interface SimdOnBackend {
  readonly internals: WasmInternals;
  readonly heap: HeapOwner;
  readonly simd: SimdExports;
  /** Byte offset of a tensor of this backend in the heap (the pointer the module's kernels take). */
  at(t: tf.TensorInfo): number;
}

/** The module on `backend`'s heap, or null when it is not a tfjs wasm backend we can reach or the module did not load. */
export function simdOnBackend(backend: unknown): SimdOnBackend | null {
  const internals = asWasmInternals(backend);
  const heap = internals === null ? null : heapOf(internals);
  if (internals === null || heap === null || !simdKernelsReady()) return null;
  return { internals, heap, simd: simdOn(heap), at: (t) => recordOf(internals, t).memoryOffset };
}
