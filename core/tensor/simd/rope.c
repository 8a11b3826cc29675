/*
 * Rotary position embedding on [B, H, T, dh] for core/models/lm/layers.ts (via
 * core/tensor/patches/ropeKernel.ts), HF layout: rotate_half(x) = [−x₂, x₁] over the two halves.
 *   forward:  y₁ = x₁·cos₁ − x₂·sin₁,  y₂ = x₂·cos₂ + x₁·sin₂
 *   backward: the transpose, dx₁ = dy₁·cos₁ + dy₂·sin₂,  dx₂ = dy₂·cos₂ − dy₁·sin₁
 * From ops this is a split, a negation, a concat, two products and a sum (and as many again in
 * the gradient), each a pass over q or k; here one. Tables are [T, dh] (shared by the batch) or
 * [B, T, dh] (per-token positions). Freestanding, no data, no stack (see gemm.c).
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))

/* One row of the rotation (backward = 0) or of its transpose (backward = 1). */
static void rope_row(const float *x, const float *c, const float *s, int half, int backward, float *y) {
  const float *x1 = x, *x2 = x + half;
  const float *c1 = c, *c2 = c + half;
  /* forward pairs x₂ with sin₁ and x₁ with sin₂; backward the other way round */
  const float *s_for_1 = backward ? s + half : s, *s_for_2 = backward ? s : s + half;
  float sign1 = backward ? 1.0f : -1.0f;
  v128_t sg1 = wasm_f32x4_splat(sign1), sg2 = wasm_f32x4_splat(-sign1);
  int vec = half & ~3;
  for (int j = 0; j < vec; j += 4) {
    v128_t a = wasm_v128_load(x1 + j), b = wasm_v128_load(x2 + j);
    v128_t y1 = wasm_f32x4_add(wasm_f32x4_mul(a, wasm_v128_load(c1 + j)), wasm_f32x4_mul(sg1, wasm_f32x4_mul(b, wasm_v128_load(s_for_1 + j))));
    v128_t y2 = wasm_f32x4_add(wasm_f32x4_mul(b, wasm_v128_load(c2 + j)), wasm_f32x4_mul(sg2, wasm_f32x4_mul(a, wasm_v128_load(s_for_2 + j))));
    wasm_v128_store(y + j, y1);
    wasm_v128_store(y + half + j, y2);
  }
  for (int j = vec; j < half; j++) {
    y[j] = x1[j] * c1[j] + sign1 * (x2[j] * s_for_1[j]);
    y[half + j] = x2[j] * c2[j] - sign1 * (x1[j] * s_for_2[j]);
  }
}

EXPORT void rope(const float *x, int batch, int heads, int len, int dh, const float *cos, const float *sin, int per_batch, int backward, float *y) {
  int half = dh / 2;
  for (int b = 0; b < batch; b++) {
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < len; t++) {
        long row = (((long)b * heads + h) * len + t) * dh;
        long tab = ((per_batch ? (long)b * len : 0) + t) * dh;
        rope_row(x + row, cos + tab, sin + tab, half, backward, y + row);
      }
    }
  }
}
