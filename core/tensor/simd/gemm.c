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
/* Cache blocks: a packed B panel of KC x NC floats (256 KiB) stays in L2 while every row tile
 * of A streams past it. Products with k <= KC and n <= NC (all of SASRec's) are one block. */
#define KC 256
#define NC 256

static int round_up(int x, int to) { return (x + to - 1) / to * to; }

/* The block of op(B) (k_dim x n_dim overall) at rows k0..k0+kl, columns n0..n0+nl, packed as
 * NR-column micro-panels: panel t holds Bp[k][t*NR .. t*NR+NR) for every k, contiguous (zero-
 * padded past nl), so a tile streams its kl * NR floats in order instead of striding by a row. */
/* Rows r0..r3 (4 floats each) written as 4 columns: dst[q * stride + 0..3] = (r0[q], r1[q], r2[q], r3[q]). */
static inline __attribute__((always_inline)) void store_transposed_4x4(v128_t r0, v128_t r1, v128_t r2, v128_t r3, float *dst, int stride) {
  v128_t lo01 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5), lo23 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
  v128_t hi01 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7), hi23 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
  wasm_v128_store(dst, wasm_i32x4_shuffle(lo01, lo23, 0, 1, 4, 5));
  wasm_v128_store(dst + stride, wasm_i32x4_shuffle(lo01, lo23, 2, 3, 6, 7));
  wasm_v128_store(dst + 2 * stride, wasm_i32x4_shuffle(hi01, hi23, 0, 1, 4, 5));
  wasm_v128_store(dst + 3 * stride, wasm_i32x4_shuffle(hi01, hi23, 2, 3, 6, 7));
}

/* A full panel of op(B) = B^T: NR rows of B (runs of kl floats) transposed 4 x 4 blocks at a
 * time; scalar loads one float at a time cost a third of attention's small q.k^T products. */
static void pack_b_transposed_panel(const float *b, int k_dim, int k0, int kl, int first, float *panel) {
  int k = 0;
  for (; k + 4 <= kl; k += 4) {
    for (int h = 0; h < NR; h += 4) {
      const float *s = b + (first + h) * k_dim + k0 + k;
      store_transposed_4x4(wasm_v128_load(s), wasm_v128_load(s + k_dim), wasm_v128_load(s + 2 * k_dim), wasm_v128_load(s + 3 * k_dim), panel + k * NR + h, NR);
    }
  }
  for (; k < kl; k++)
    for (int j = 0; j < NR; j++) panel[k * NR + j] = b[(first + j) * k_dim + k0 + k];
}

static void pack_b(const float *b, int k_dim, int n_dim, int trans, int k0, int kl, int n0, int nl, float *bp) {
  for (int t = 0; t * NR < nl; t++) {
    float *panel = bp + t * kl * NR;
    int first = n0 + t * NR;
    int cols = nl - t * NR < NR ? nl - t * NR : NR;
    if (trans && cols == NR) {
      pack_b_transposed_panel(b, k_dim, k0, kl, first, panel);
      continue;
    } else if (trans) {
      /* op(B)[k][n] = B[n][k]: each column of the panel is a contiguous run of a row of B. */
      for (int j = 0; j < cols; j++) {
        const float *src = b + (first + j) * k_dim + k0;
        for (int k = 0; k < kl; k++) panel[k * NR + j] = src[k];
      }
    } else if (cols == NR) {
      for (int k = 0; k < kl; k++) {
        const float *src = b + (k0 + k) * n_dim + first;
        wasm_v128_store(panel + k * NR, wasm_v128_load(src));
        wasm_v128_store(panel + k * NR + 4, wasm_v128_load(src + 4));
      }
      continue;
    } else {
      for (int k = 0; k < kl; k++)
        for (int j = 0; j < cols; j++) panel[k * NR + j] = b[(k0 + k) * n_dim + first + j];
    }
    for (int k = 0; k < kl; k++)
      for (int j = cols; j < NR; j++) panel[k * NR + j] = 0.0f;
  }
}

/* Row tiles per packed group of A^T: MR * GROUP = 16 rows = one 64-byte line of a row of A. */
#define GROUP 4

/* Rows m..m+rows (rows <= MR * GROUP) of op(A) = A^T (A is k_dim x m_dim), columns k0..k0+kl,
 * as GROUP panels ap[g][k][r] (MR floats per k; missing rows are zeros). Each k reads one line
 * of a row of A whole, so every line is fetched once; transposing A whole wrote with a stride
 * of k_dim floats and was ~8x slower than the product itself when n is small (LoRA's X^T dY). */
static void pack_a_panels(const float *a, int m_dim, int k0, int kl, int m, int rows, float *ap) {
  for (int k = 0; k < kl; k++) {
    const float *src = a + (k0 + k) * m_dim + m;
    if (rows == MR * GROUP) {
      /* Four rows of a panel are four consecutive floats of the line: one vector each. */
      for (int g = 0; g < GROUP; g++) wasm_v128_store(ap + g * kl * MR + k * MR, wasm_v128_load(src + g * MR));
      continue;
    }
    for (int j = 0; j < MR * GROUP; j++) ap[(j / MR) * kl * MR + k * MR + j % MR] = j < rows ? src[j] : 0.0f;
  }
}

/* One MR x NR tile: row r of op(A) at k is ar[k * ks] (ks = 1 for rows of A read in place,
 * MR for a packed panel) times packed columns bp[.][0..7], stored to (or added into) out with
 * row stride ldo. Inlined per call site, so ks is a constant in each copy. */
static inline __attribute__((always_inline)) void tile(int k_dim, const float *a0, const float *a1, const float *a2,
                                                       const float *a3, int ks, const float *bp, int np, float *out, int ldo, int accumulate) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int k = 0; k < k_dim; k++) {
    const float *brow = bp + k * np;
    v128_t b0 = wasm_v128_load(brow);
    v128_t b1 = wasm_v128_load(brow + 4);
    v128_t x = wasm_f32x4_splat(a0[k * ks]);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(x, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a1[k * ks]);
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(x, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a2[k * ks]);
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(x, b0));
    c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(x, b1));
    x = wasm_f32x4_splat(a3[k * ks]);
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(x, b0));
    c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(x, b1));
  }
  float *o0 = out, *o1 = out + ldo, *o2 = out + 2 * ldo, *o3 = out + 3 * ldo;
  if (accumulate) {
    c00 = wasm_f32x4_add(c00, wasm_v128_load(o0)); c01 = wasm_f32x4_add(c01, wasm_v128_load(o0 + 4));
    c10 = wasm_f32x4_add(c10, wasm_v128_load(o1)); c11 = wasm_f32x4_add(c11, wasm_v128_load(o1 + 4));
    c20 = wasm_f32x4_add(c20, wasm_v128_load(o2)); c21 = wasm_f32x4_add(c21, wasm_v128_load(o2 + 4));
    c30 = wasm_f32x4_add(c30, wasm_v128_load(o3)); c31 = wasm_f32x4_add(c31, wasm_v128_load(o3 + 4));
  }
  wasm_v128_store(o0, c00); wasm_v128_store(o0 + 4, c01);
  wasm_v128_store(o1, c10); wasm_v128_store(o1 + 4, c11);
  wasm_v128_store(o2, c20); wasm_v128_store(o2 + 4, c21);
  wasm_v128_store(o3, c30); wasm_v128_store(o3 + 4, c31);
}

/* Stores (first k block) or adds a tile's rows x cols results into C at (m, n). */
static void put_tile(const float *tmp, int rows, int cols, float *c, int n_dim, int m, int n, int accumulate) {
  for (int r = 0; r < rows; r++) {
    float *dst = c + (m + r) * n_dim + n;
    const float *src = tmp + r * NR;
    if (accumulate) {
      for (int j = 0; j < cols; j++) dst[j] += src[j];
    } else {
      for (int j = 0; j < cols; j++) dst[j] = src[j];
    }
  }
}

/* The tile at rows m.. (rows of them), columns n.. (cols) of C: a full tile is written (or added,
 * after the first k block) in place; an edge tile goes through `tmp`, and only its rows x cols are
 * copied. */
static inline __attribute__((always_inline)) void tile_into_c(int kl, const float *a0, const float *a1, const float *a2,
                                                              const float *a3, int ks, const float *bp, int np, float *c,
                                                              int n_dim, int m, int n, int rows, int cols, int accumulate,
                                                              float *tmp) {
  if (rows == MR && cols == NR) {
    tile(kl, a0, a1, a2, a3, ks, bp, np, c + m * n_dim + n, n_dim, accumulate);
  } else {
    tile(kl, a0, a1, a2, a3, ks, bp, np, tmp, NR, 0);
    put_tile(tmp, rows, cols, c, n_dim, m, n, accumulate);
  }
}

/* Adds (or, for the first k block, stores) the block product A[:, k0..k0+kl] * Bp into columns
 * n0..n0+nl of C (m_dim x n_dim, row-major); A's rows (length k_dim) are read in place. */
static void block_product(const float *a, int m_dim, int n_dim, int k_dim, int k0, int kl, int n0, int nl,
                          const float *bp, int np, float *c, float *tmp) {
  for (int m = 0; m < m_dim; m += MR) {
    int rows = m_dim - m < MR ? m_dim - m : MR;
    const float *r0 = a + m * k_dim + k0;
    /* Missing rows of a short last tile repeat the first one; their results are not stored. */
    const float *r1 = rows > 1 ? r0 + k_dim : r0;
    const float *r2 = rows > 2 ? r0 + 2 * k_dim : r0;
    const float *r3 = rows > 3 ? r0 + 3 * k_dim : r0;
    for (int n = 0; n < nl; n += NR) {
      int cols = nl - n < NR ? nl - n : NR;
      tile_into_c(kl, r0, r1, r2, r3, 1, bp + n * kl, NR, c, n_dim, m, n0 + n, rows, cols, k0 != 0, tmp);
    }
  }
}

/* The same for op(A) = A^T (A is k_dim x m_dim): row tiles are packed into panels, a group at a time. */
static void block_product_ta(const float *a, int m_dim, int n_dim, int k0, int kl, int n0, int nl,
                             const float *bp, int np, float *c, float *panels, float *tmp) {
  for (int m = 0; m < m_dim; m += MR * GROUP) {
    int group_rows = m_dim - m < MR * GROUP ? m_dim - m : MR * GROUP;
    pack_a_panels(a, m_dim, k0, kl, m, group_rows, panels);
    for (int g = 0; g * MR < group_rows; g++) {
      const float *p = panels + g * kl * MR;
      int rows = group_rows - g * MR < MR ? group_rows - g * MR : MR;
      for (int n = 0; n < nl; n += NR) {
        int cols = nl - n < NR ? nl - n : NR;
        tile_into_c(kl, p, p + 1, p + 2, p + 3, MR, bp + n * kl, NR, c, n_dim, m + g * MR, n0 + n, rows, cols, k0 != 0, tmp);
      }
    }
  }
}

/* Floats of scratch gemm needs for these shapes. */
EXPORT int gemm_scratch(int m_dim, int n_dim, int k_dim, int trans_a) {
  int kc = k_dim < KC ? k_dim : KC;
  int nc = n_dim < NC ? n_dim : NC;
  return kc * round_up(nc, NR) + (trans_a ? kc * MR * GROUP : 0) + MR * NR;
}

/*
 * batch products; A and B advance by stride_a / stride_b floats per product (0 = shared by
 * every product), C by m_dim * n_dim. A is m x k (k x m when trans_a), B is k x n (n x k when
 * trans_b). scratch holds gemm_scratch(...) floats.
 */
EXPORT void gemm(int batch, int m_dim, int n_dim, int k_dim, int trans_a, int trans_b,
                 const float *a, int stride_a, const float *b, int stride_b, float *c, float *scratch) {
  int kc = k_dim < KC ? k_dim : KC;
  int nc = n_dim < NC ? n_dim : NC;
  float *bp = scratch;
  float *panel = bp + kc * round_up(nc, NR);
  float *tmp = panel + (trans_a ? kc * MR * GROUP : 0);
  int single_block = k_dim <= KC && n_dim <= NC;
  for (int i = 0; i < batch; i++) {
    const float *ai = a + i * stride_a;
    const float *bi = b + i * stride_b;
    for (int n0 = 0; n0 < n_dim; n0 += NC) {
      int nl = n_dim - n0 < NC ? n_dim - n0 : NC;
      int np = round_up(nl, NR);
      for (int k0 = 0; k0 < k_dim; k0 += KC) {
        int kl = k_dim - k0 < KC ? k_dim - k0 : KC;
        /* A shared B is packed once when it is a single block. */
        if (!single_block || i == 0 || stride_b != 0) pack_b(bi, k_dim, n_dim, trans_b, k0, kl, n0, nl, bp);
        float *ci = c + i * m_dim * n_dim;
        if (trans_a) block_product_ta(ai, m_dim, n_dim, k0, kl, n0, nl, bp, np, ci, panel, tmp);
        else block_product(ai, m_dim, n_dim, k_dim, k0, kl, n0, nl, bp, np, ci, tmp);
      }
    }
  }
}
