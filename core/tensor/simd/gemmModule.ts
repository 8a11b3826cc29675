/** The matrix product of the SIMD kernel module (gemm.c), on operands in the tfjs heap. */
import { simdOn, type HeapOwner } from './simdModule';

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

/** Runs the product on operands already in `heap`; C must have room for batch·m·n floats. */
export function runGemm(heap: HeapOwner, p: GemmProblem, at: GemmOperands): void {
  const simd = simdOn(heap);
  const scratch = heap.malloc(4 * simd.gemm_scratch(p.m, p.n, p.k, p.transA ? 1 : 0) + 16);
  try {
    // wasm_v128_load/store need no alignment; malloc's 8-byte alignment is enough.
    simd.gemm(p.batch, p.m, p.n, p.k, p.transA ? 1 : 0, p.transB ? 1 : 0, at.a, p.strideA, at.b, p.strideB, at.c, scratch);
  } finally {
    heap.free(scratch);
  }
}
