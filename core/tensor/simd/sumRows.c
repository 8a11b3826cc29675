/*
 * Column sums for tfjs-backend-wasm's Sum over leading axes (core/tensor/patches/sumLeadingAxes.ts):
 * out[j] = sum_i x[i * inner + j]. Bias, layer-norm and position gradients reduce [B*T, d] to
 * [d]; the stock kernel transposes first, and a JS loop reads ~5 ns per element. Accumulated in
 * float64 (a float32 running sum over 6,400 rows drifts by ~1e-4), rows added in order.
 * Freestanding, no data, no stack (see gemm.c): accumulators live in registers.
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))
#define STRIPE 16 /* columns per pass: one 64-byte line of a row, 8 f64x2 accumulators */

static inline v128_t high_half(v128_t v) { return wasm_i32x4_shuffle(v, v, 2, 3, 2, 3); }

/* Columns j0..j0+15 summed over every row. */
static void sum_stripe(const float *x, int rows, int inner, int j0, float *out) {
  v128_t acc[8];
  for (int q = 0; q < 8; q++) acc[q] = wasm_f64x2_splat(0.0);
  for (int i = 0; i < rows; i++) {
    const float *p = x + i * inner + j0;
    for (int q = 0; q < 4; q++) {
      v128_t v = wasm_v128_load(p + 4 * q);
      acc[2 * q] = wasm_f64x2_add(acc[2 * q], wasm_f64x2_promote_low_f32x4(v));
      acc[2 * q + 1] = wasm_f64x2_add(acc[2 * q + 1], wasm_f64x2_promote_low_f32x4(high_half(v)));
    }
  }
  for (int q = 0; q < 8; q++) {
    out[j0 + 2 * q] = (float)wasm_f64x2_extract_lane(acc[q], 0);
    out[j0 + 2 * q + 1] = (float)wasm_f64x2_extract_lane(acc[q], 1);
  }
}

EXPORT void sum_rows(const float *x, int rows, int inner, float *out) {
  int striped = inner - inner % STRIPE;
  for (int j0 = 0; j0 < striped; j0 += STRIPE) sum_stripe(x, rows, inner, j0, out);
  for (int j = striped; j < inner; j++) {
    double acc = 0.0;
    for (int i = 0; i < rows; i++) acc += x[i * inner + j];
    out[j] = (float)acc;
  }
}
