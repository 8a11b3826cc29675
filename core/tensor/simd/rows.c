/*
 * Embedding lookups and their gradient on tfjs's heap in place (core/tensor/patches/gatherRows.ts,
 * unsortedSegmentSum.ts): gather_rows copies table rows by id, segment_sum adds rows into the
 * rows their ids name. The JS kernels they replace first copy the whole table (or the whole
 * gradient) out of the wasm heap and their result back in; these touch only the rows used.
 * Rows are added in input order, each add rounded to float32: bit for bit the JS kernel's sums.
 * Freestanding, no data, no stack (see gemm.c); loops use explicit vectors so clang cannot turn
 * them into memcpy/memset calls, which a module without libc cannot resolve.
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))

static void copy_row(const float *src, float *dst, int inner) {
  int vec = inner & ~3;
  for (int j = 0; j < vec; j += 4) wasm_v128_store(dst + j, wasm_v128_load(src + j));
  for (int j = vec; j < inner; j++) dst[j] = src[j];
}

static void add_row(const float *src, float *dst, int inner) {
  int vec = inner & ~3;
  for (int j = 0; j < vec; j += 4) wasm_v128_store(dst + j, wasm_f32x4_add(wasm_v128_load(dst + j), wasm_v128_load(src + j)));
  for (int j = vec; j < inner; j++) dst[j] += src[j];
}

/* out[i, :] = table[ids[i], :]. Returns -1, or the position of the first id outside [0, rows)
 * (out is then partly written; the caller throws and frees it). */
EXPORT int gather_rows(const float *table, int rows, const int *ids, int n, int inner, float *out) {
  for (int i = 0; i < n; i++) {
    int r = ids[i];
    if (r < 0 || r >= rows) return i;
    copy_row(table + (long)r * inner, out + (long)i * inner, inner);
  }
  return -1;
}

/* out[s, :] = sum of x[i, :] over i with ids[i] = s; ids outside [0, segments) are dropped, as
 * in TF. out is zeroed first. */
EXPORT void segment_sum(const float *x, const int *ids, int n, int inner, int segments, float *out) {
  long total = (long)segments * inner;
  long vec = total & ~3L;
  v128_t zero = wasm_f32x4_splat(0.0f);
  for (long j = 0; j < vec; j += 4) wasm_v128_store(out + j, zero);
  for (long j = vec; j < total; j++) out[j] = 0.0f;
  for (int i = 0; i < n; i++) {
    int s = ids[i];
    if (s >= 0 && s < segments) add_row(x + (long)i * inner, out + (long)s * inner, inner);
  }
}
