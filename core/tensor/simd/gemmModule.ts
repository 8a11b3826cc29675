/**
 * Loads RecForge's SIMD matrix-product module (gemm.c) into its own wasm memory and runs batched
 * products on Float32Array operands: copies in, one call for the whole batch, result view out.
 * Its own memory keeps it independent of tfjs internals: the kernel patch copies between the
 * tfjs heap and this one (a few hundred microseconds against milliseconds of arithmetic).
 */
import { WASM_BASE64 } from './gemmWasm';

/** One batched product: C[i] = op(A[i])·op(B[i]), i < batch; a stride of 0 shares the operand. */
export interface GemmProblem {
  readonly batch: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly strideA: number;
  readonly strideB: number;
}

/** The loaded module. `run` returns a view into its memory, valid until the next call. */
export interface GemmKernel {
  run(p: GemmProblem, a: Float32Array, b: Float32Array): Float32Array;
}

interface GemmExports {
  gemm(batch: number, m: number, n: number, k: number, tA: number, tB: number, a: number, sa: number, b: number, sb: number, c: number, scratch: number): void;
  gemm_scratch(m: number, n: number, k: number, tA: number): number;
}

// core/ compiles without DOM or Node typings: the few WebAssembly and base64 globals it needs.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmGlobals {
  readonly WebAssembly: {
    Memory: new (descriptor: { initial: number }) => WasmMemory;
    instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }>;
  };
  atob(text: string): string;
}
const globals = globalThis as unknown as WasmGlobals;

const PAGE = 65536;
/** The module's shadow stack occupies the first 64 KiB (-z stack-size, --stack-first). */
const DATA_START = 65536;

function decodeBase64(text: string): Uint8Array {
  const bin = globals.atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function wrap(exportsOf: GemmExports, memory: WasmMemory): GemmKernel {
  return {
    run(p, a, b) {
      const sizeC = p.batch * p.m * p.n;
      const scratch = exportsOf.gemm_scratch(p.m, p.n, p.k, p.transA ? 1 : 0);
      const bytes = DATA_START + 4 * (a.length + b.length + sizeC + scratch) + 64;
      if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
      const heap = new Float32Array(memory.buffer);
      const pa = DATA_START / 4;
      const pb = pa + a.length;
      const pc = pb + b.length;
      const ps = pc + sizeC;
      heap.set(a, pa);
      heap.set(b, pb);
      exportsOf.gemm(p.batch, p.m, p.n, p.k, p.transA ? 1 : 0, p.transB ? 1 : 0, pa * 4, p.strideA, pb * 4, p.strideB, pc * 4, ps * 4);
      return heap.subarray(pc, pc + sizeC);
    },
  };
}

let loading: Promise<GemmKernel | null> | null = null;
let loaded: GemmKernel | null = null;

/** Compiles and instantiates the module once; null (never throws) where wasm SIMD is missing. */
export function loadGemmKernel(): Promise<GemmKernel | null> {
  loading ??= (async () => {
    try {
      const memory = new globals.WebAssembly.Memory({ initial: 16 });
      const { instance } = await globals.WebAssembly.instantiate(decodeBase64(WASM_BASE64), { env: { memory } });
      loaded = wrap(instance.exports as unknown as GemmExports, memory);
      return loaded;
    } catch {
      return null;
    }
  })();
  return loading;
}

/** The kernel if loadGemmKernel has finished successfully, else null. */
export function gemmKernel(): GemmKernel | null {
  return loaded;
}
