/*
 * Inverted-dropout masks from the engine's seeded mulberry32 stream (core/train/rng.ts), four
 * draws per instruction. mulberry32 is a counter (state += STEP per draw) hashed, so draw i of a
 * mask is hash(state + (i + 1) * STEP): the lanes need nothing from each other. Element i is
 * `scale` when draw i < threshold (= ceil((1 - rate) * 2^32)), else 0 — bit for bit what drawing
 * nextFloat() one by one in JS gives. Freestanding, no data, no stack (see gemm.c).
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))
#define STEP 0x6d2b79f5u

static unsigned hash(unsigned t) {
  t = (t ^ (t >> 15)) * (t | 1u);
  t ^= t + (t ^ (t >> 7)) * (t | 61u);
  return t ^ (t >> 14);
}

static v128_t hash4(v128_t t) {
  t = wasm_i32x4_mul(wasm_v128_xor(t, wasm_u32x4_shr(t, 15)), wasm_v128_or(t, wasm_i32x4_splat(1)));
  t = wasm_v128_xor(t, wasm_i32x4_add(t, wasm_i32x4_mul(wasm_v128_xor(t, wasm_u32x4_shr(t, 7)), wasm_v128_or(t, wasm_i32x4_splat(61)))));
  return wasm_v128_xor(t, wasm_u32x4_shr(t, 14));
}

/* out[i] = draw i < threshold ? scale : 0 for i < n; keep_all when the threshold is 2^32. */
EXPORT void dropout_mask(unsigned state, int n, unsigned threshold, int keep_all, float scale, float *out) {
  int vec = n & ~3;
  v128_t counter = wasm_i32x4_make(state + STEP, state + 2u * STEP, state + 3u * STEP, state + 4u * STEP);
  v128_t advance = wasm_i32x4_splat((int)(4u * STEP));
  v128_t limit = wasm_i32x4_splat((int)threshold);
  v128_t value = wasm_f32x4_splat(scale);
  v128_t all = wasm_i32x4_splat(keep_all ? -1 : 0);
  for (int i = 0; i < vec; i += 4) {
    v128_t kept = wasm_v128_or(wasm_u32x4_lt(hash4(counter), limit), all);
    wasm_v128_store(out + i, wasm_v128_and(kept, value));
    counter = wasm_i32x4_add(counter, advance);
  }
  for (int i = vec; i < n; i++) {
    unsigned u = hash(state + (unsigned)(i + 1) * STEP);
    out[i] = keep_all || u < threshold ? scale : 0.0f;
  }
}
