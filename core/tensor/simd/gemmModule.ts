/**
 * RecForge's SIMD matrix-product module (gemm.c), run directly on tfjs-backend-wasm's heap: the
 * module imports the backend's own WebAssembly.Memory, so operands are read and the result is
 * written where tfjs keeps its tensors — no copies. That is safe because gemm.c has no data
 * segments and never touches its shadow stack (scripts/buildSimd.mjs checks both), so the module
 * owns no bytes of that memory; scratch for packing comes from the backend's own malloc.
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

/** Byte offsets into the tfjs heap. */
export interface GemmOperands {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** The tfjs wasm module as the kernel sees it: its memory and its allocator. */
export interface HeapOwner {
  readonly memory: object;
  malloc(bytes: number): number;
  free(ptr: number): void;
}

interface GemmExports {
  gemm(batch: number, m: number, n: number, k: number, tA: number, tB: number, a: number, sa: number, b: number, sb: number, c: number, scratch: number): void;
  gemm_scratch(m: number, n: number, k: number, tA: number): number;
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
const instances = new WeakMap<object, GemmExports>();

/** Compiles the module once (asynchronously, as browsers require); resolves false where wasm SIMD is missing. */
export async function loadGemmKernel(): Promise<boolean> {
  compiling ??= globals.WebAssembly.compile(decodeBase64(WASM_BASE64)).then(
    (m) => (compiled = m),
    () => null,
  );
  return (await compiling) !== null;
}

/** True once loadGemmKernel has succeeded. */
export function gemmKernelReady(): boolean {
  return compiled !== null;
}

function instanceOn(heap: HeapOwner): GemmExports {
  let inst = instances.get(heap.memory);
  if (inst === undefined) {
    if (compiled === null) throw new Error('SIMD gemm module not compiled');
    inst = new globals.WebAssembly.Instance(compiled, { env: { memory: heap.memory } }).exports as GemmExports;
    instances.set(heap.memory, inst);
  }
  return inst;
}

/** Runs the product on operands already in `heap`; C must have room for batch·m·n floats. */
export function runGemm(heap: HeapOwner, p: GemmProblem, at: GemmOperands): void {
  const gemm = instanceOn(heap);
  const scratch = heap.malloc(4 * gemm.gemm_scratch(p.m, p.n, p.k, p.transA ? 1 : 0) + 16);
  try {
    // wasm_v128_load/store need no alignment; malloc's 8-byte alignment is enough.
    gemm.gemm(p.batch, p.m, p.n, p.k, p.transA ? 1 : 0, p.transB ? 1 : 0, at.a, p.strideA, at.b, p.strideB, at.c, scratch);
  } finally {
    heap.free(scratch);
  }
}
