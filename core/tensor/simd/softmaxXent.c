/*
 * Next-token cross-entropy over a vocabulary for core/train/lm/loss.ts, via
 * core/tensor/patches/softmaxXentKernel.ts. Built from tfjs ops, the loss over [rows, V] logits
 * takes a log-softmax (max, subtract, exp, sum, log, subtract), a gather, and in the gradient
 * another exp plus a scatter into a zeroed [rows·V] array: ~10 passes over the largest tensor of
 * an LM step, with tfjs's scalar exp. Here: one pass for the row maxima and one for Σ exp (four
 * lanes at a time), and one for the gradient, softmax − one-hot, scaled per row.
 * exp is Cephes' expf (range reduction by ln 2, degree-6 polynomial; relative error ~1e-7).
 * Freestanding, no data, no stack (see gemm.c).
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))

/* e^x for four lanes; x is clamped to [−87.3, 88] (e^x of a huge negative logit is ~1e-38, not 0). */
static v128_t exp4(v128_t x) {
  x = wasm_f32x4_min(wasm_f32x4_max(x, wasm_f32x4_splat(-87.33654f)), wasm_f32x4_splat(88.0f));
  v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t p = wasm_f32x4_splat(1.9875691500e-4f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.3981999507e-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(8.3334519073e-3f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(4.1665795894e-2f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.6666665459e-1f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(5.0000001201e-1f));
  p = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(p, r), r), r), wasm_f32x4_splat(1.0f));
  v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, scale);
}

static float exp1(float x) { return wasm_f32x4_extract_lane(exp4(wasm_f32x4_splat(x)), 0); }

static float row_max(const float *x, int width) {
  int vec = width & ~3;
  float m = x[0];
  if (vec > 0) {
    v128_t acc = wasm_v128_load(x);
    for (int j = 4; j < vec; j += 4) acc = wasm_f32x4_max(acc, wasm_v128_load(x + j));
    for (int q = 0; q < 4; q++) {
      float lane = wasm_f32x4_extract_lane(acc, 0);
      if (lane > m) m = lane;
      acc = wasm_i32x4_shuffle(acc, acc, 1, 2, 3, 0);
    }
  }
  for (int j = vec; j < width; j++) m = x[j] > m ? x[j] : m;
  return m;
}

static float row_sum_exp(const float *x, int width, float shift) {
  int vec = width & ~3;
  v128_t s = wasm_f32x4_splat(shift);
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (int j = 0; j < vec; j += 4) acc = wasm_f32x4_add(acc, exp4(wasm_f32x4_sub(wasm_v128_load(x + j), s)));
  float sum = wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1) + wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3);
  for (int j = vec; j < width; j++) sum += exp1(x[j] - shift);
  return sum;
}

/* Per row r: maxima[r] = max_j x[r, j] and sums[r] = Σ_j e^(x[r, j] − maxima[r]); width ≥ 1. */
EXPORT void row_max_sum_exp(const float *x, int rows, int width, float *maxima, float *sums) {
  for (int r = 0; r < rows; r++) {
    const float *row = x + (long)r * width;
    float m = row_max(row, width);
    maxima[r] = m;
    sums[r] = row_sum_exp(row, width, m);
  }
}

/*
 * dx[r, j] = scale[r]·(e^(x[r, j] − lse[r]) − [j = target[r]]): the gradient of
 * Σ_r scale[r]·(lse[r] − x[r, target[r]]). A row with target < 0 (nothing scored) gets zeros.
 */
EXPORT void softmax_xent_grad(const float *x, const float *lse, const float *scale, const int *target, int rows, int width, float *dx) {
  int vec = width & ~3;
  for (int r = 0; r < rows; r++) {
    const float *row = x + (long)r * width;
    float *out = dx + (long)r * width;
    float k = target[r] < 0 ? 0.0f : scale[r];
    v128_t shift = wasm_f32x4_splat(lse[r]);
    v128_t kv = wasm_f32x4_splat(k);
    for (int j = 0; j < vec; j += 4) wasm_v128_store(out + j, wasm_f32x4_mul(kv, exp4(wasm_f32x4_sub(wasm_v128_load(row + j), shift))));
    for (int j = vec; j < width; j++) out[j] = k * exp1(row[j] - lse[r]);
    if (target[r] >= 0 && target[r] < width) out[target[r]] -= k;
  }
}
