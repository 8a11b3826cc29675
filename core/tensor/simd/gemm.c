/*
 * RecForge's wasm SIMD128 matrix product for tfjs-backend-wasm (core/tensor/patches/simdMatMul.ts).
 * C[b] = op(A[b]) * op(B[b]) for a whole batch in one call, op = transpose when asked: attention's
 * many small products ([T, dh] x [dh, T]) and the gradient products with a transposed operand
 * run here instead of one XNNPACK call per slice plus explicit transposes.
 *
 * Freestanding (no libc, no static data, no stack use): it runs on tfjs's own memory, the host
 * passes every pointer, including scratch for packing. Built by scripts/buildSimd.mjs with
 * Debian's clang + wasm-ld, which also checks that the module owns no memory.
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))
#define NR 8 /* columns per micro-tile: two f32x4 vectors */
#define MR 4 /* rows per micro-tile */

static int round_up(int x, int to) { return (x + to - 1) / to * to; }

/* Bp[k][n] (row stride np, zero-padded to np columns) = op(B)[k][n]. */
static void pack_b(const float *b, int k_dim, int n_dim, int np, int trans, float *bp) {
  for (int k = 0; k < k_dim; k++) {
    float *row = bp + k * np;
    if (trans) {
      for (int n = 0; n < n_dim; n++) row[n] = b[n * k_dim + k];
    } else {
      for (int n = 0; n < n_dim; n++) row[n] = b[k * n_dim + n];
    }
    for (int n = n_dim; n < np; n++) row[n] = 0.0f;
  }
}

/* Ap[m][k] = A[k][m]: rows of op(A) made contiguous. */
static void pack_a_transposed(const float *a, int m_dim, int k_dim, float *ap) {
  for (int k = 0; k < k_dim; k++) {
    const float *src = a + k * m_dim;
    for (int m = 0; m < m_dim; m++) ap[m * k_dim + k] = src[m];
  }
}

/* One MR x NR tile: rows a0..a3 (contiguous, length k_dim) times packed columns bp[.][0..7]. */
static void tile(int k_dim, const float *a0, const float *a1, const float *a2, const float *a3,
                 const float *bp, int np, float *out /* MR x NR, row stride NR */) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int k = 0; k < k_dim; k++) {
    const float *brow = bp + k * np;
    v128_t b0 = wasm_v128_load(brow);
    v128_t b1 = wasm_v128_load(brow + 4);
    v128_t x = wasm_f32x4_splat(a0[k]);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(x, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a1[k]);
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(x, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a2[k]);
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(x, b0));
    c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a3[k]);
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(x, b0));
    c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(x, b1));
  }
  wasm_v128_store(out, c00); wasm_v128_store(out + 4, c01);
  wasm_v128_store(out + 8, c10); wasm_v128_store(out + 12, c11);
  wasm_v128_store(out + 16, c20); wasm_v128_store(out + 20, c21);
  wasm_v128_store(out + 24, c30); wasm_v128_store(out + 28, c31);
}

/* C (m_dim x n_dim, row-major) = A (m_dim x k_dim, contiguous rows) * Bp. */
static void product(const float *a, int m_dim, int n_dim, int k_dim, const float *bp, int np, float *c, float *tmp) {
  for (int m = 0; m < m_dim; m += MR) {
    int rows = m_dim - m < MR ? m_dim - m : MR;
    const float *r0 = a + m * k_dim;
    /* Missing rows of a short last tile repeat the first one; their results are not stored. */
    const float *r1 = rows > 1 ? r0 + k_dim : r0;
    const float *r2 = rows > 2 ? r0 + 2 * k_dim : r0;
    const float *r3 = rows > 3 ? r0 + 3 * k_dim : r0;
    for (int n = 0; n < n_dim; n += NR) {
      int cols = n_dim - n < NR ? n_dim - n : NR;
      tile(k_dim, r0, r1, r2, r3, bp + n, np, tmp);
      for (int r = 0; r < rows; r++) {
        float *dst = c + (m + r) * n_dim + n;
        const float *src = tmp + r * NR;
        for (int j = 0; j < cols; j++) dst[j] = src[j];
      }
    }
  }
}

/* Floats of scratch gemm needs for these shapes. */
EXPORT int gemm_scratch(int m_dim, int n_dim, int k_dim, int trans_a) {
  return k_dim * round_up(n_dim, NR) + (trans_a ? m_dim * k_dim : 0) + MR * NR;
}

/*
 * batch products; A and B advance by stride_a / stride_b floats per product (0 = shared by
 * every product), C by m_dim * n_dim. A is m x k (k x m when trans_a), B is k x n (n x k when
 * trans_b). scratch holds gemm_scratch(...) floats.
 */
EXPORT void gemm(int batch, int m_dim, int n_dim, int k_dim, int trans_a, int trans_b,
                 const float *a, int stride_a, const float *b, int stride_b, float *c, float *scratch) {
  int np = round_up(n_dim, NR);
  float *bp = scratch;
  float *ap = bp + k_dim * np;
  float *tmp = ap + (trans_a ? m_dim * k_dim : 0);
  for (int i = 0; i < batch; i++) {
    /* A shared operand is packed once. */
    if (i == 0 || stride_b != 0) pack_b(b + i * stride_b, k_dim, n_dim, np, trans_b, bp);
    const float *rows = a + i * stride_a;
    if (trans_a && (i == 0 || stride_a != 0)) pack_a_transposed(rows, m_dim, k_dim, ap);
    product(trans_a ? ap : rows, m_dim, n_dim, k_dim, bp, np, c + i * m_dim * n_dim, tmp);
  }
}
