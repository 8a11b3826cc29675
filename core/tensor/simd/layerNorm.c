/*
 * Layer norm over the last axis and its gradient, one row at a time (core/tensor/patches/
 * layerNormKernel.ts). Built from tfjs ops, a forward pass is ~9 kernels and the gradient ~12,
 * most of them full passes over [B, T, d] that are memory-bound; here each row is read a few
 * times while it sits in L1. Same formulas as core/models/nn/layerNorm.ts:
 *   x̂ = (x − mean)·rstd, rstd = 1/sqrt(var + eps), y = x̂·gamma + beta;
 *   g = dy·gamma, dx = rstd·(g − mean(g) − x̂·mean(g·x̂)), dgamma = Σ dy·x̂, dbeta = Σ dy
 * (row statistics in float32 lanes; dgamma/dbeta summed over rows in float64, in row order).
 * Freestanding, no data, no stack (see gemm.c).
 */
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))

static float lanes_sum(v128_t v) {
  return wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3);
}

static float row_mean(const float *x, int width) {
  int vec = width & ~3;
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (int j = 0; j < vec; j += 4) acc = wasm_f32x4_add(acc, wasm_v128_load(x + j));
  float sum = lanes_sum(acc);
  for (int j = vec; j < width; j++) sum += x[j];
  return sum / (float)width;
}

/* mean((x − mean)²) over the row. */
static float row_variance(const float *x, int width, float mean) {
  int vec = width & ~3;
  v128_t m = wasm_f32x4_splat(mean);
  v128_t acc = wasm_f32x4_splat(0.0f);
  for (int j = 0; j < vec; j += 4) {
    v128_t c = wasm_f32x4_sub(wasm_v128_load(x + j), m);
    acc = wasm_f32x4_add(acc, wasm_f32x4_mul(c, c));
  }
  float sum = lanes_sum(acc);
  for (int j = vec; j < width; j++) sum += (x[j] - mean) * (x[j] - mean);
  return sum / (float)width;
}

static void normalise_row(const float *x, int width, float mean, float rs, const float *gamma, const float *beta, float *y, float *xhat) {
  int vec = width & ~3;
  v128_t m = wasm_f32x4_splat(mean);
  v128_t r = wasm_f32x4_splat(rs);
  for (int j = 0; j < vec; j += 4) {
    v128_t h = wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(x + j), m), r);
    wasm_v128_store(xhat + j, h);
    wasm_v128_store(y + j, wasm_f32x4_add(wasm_f32x4_mul(h, wasm_v128_load(gamma + j)), wasm_v128_load(beta + j)));
  }
  for (int j = vec; j < width; j++) {
    float h = (x[j] - mean) * rs;
    xhat[j] = h;
    y[j] = h * gamma[j] + beta[j];
  }
}

/* y, x̂: [rows, width]; rstd: [rows]. */
EXPORT void layer_norm(const float *x, int rows, int width, const float *gamma, const float *beta, float eps, float *y, float *xhat, float *rstd) {
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * width;
    float mean = row_mean(xr, width);
    float rs = 1.0f / __builtin_sqrtf(row_variance(xr, width, mean) + eps);
    rstd[r] = rs;
    normalise_row(xr, width, mean, rs, gamma, beta, y + (long)r * width, xhat + (long)r * width);
  }
}

/* Σ dy·gamma and Σ dy·gamma·x̂ over one row. */
static void row_projections(const float *dy, const float *xh, const float *gamma, int width, float *sum_g, float *sum_gx) {
  int vec = width & ~3;
  v128_t ag = wasm_f32x4_splat(0.0f);
  v128_t agx = wasm_f32x4_splat(0.0f);
  for (int j = 0; j < vec; j += 4) {
    v128_t g = wasm_f32x4_mul(wasm_v128_load(dy + j), wasm_v128_load(gamma + j));
    ag = wasm_f32x4_add(ag, g);
    agx = wasm_f32x4_add(agx, wasm_f32x4_mul(g, wasm_v128_load(xh + j)));
  }
  float sg = lanes_sum(ag);
  float sgx = lanes_sum(agx);
  for (int j = vec; j < width; j++) {
    float g = dy[j] * gamma[j];
    sg += g;
    sgx += g * xh[j];
  }
  *sum_g = sg;
  *sum_gx = sgx;
}

/* dgamma/dbeta accumulators (float64) += dy·x̂ and dy for one row. */
static void accumulate_params(const float *dy, const float *xh, int width, double *acc_gamma, double *acc_beta) {
  for (int j = 0; j < width; j++) {
    acc_gamma[j] += (double)(dy[j] * xh[j]);
    acc_beta[j] += (double)dy[j];
  }
}

/*
 * dx: [rows, width]; dgamma, dbeta: [width]. scratch: 2·width doubles (the host allocates it;
 * the module owns no memory).
 */
EXPORT void layer_norm_grad(const float *dy, const float *xhat, const float *rstd, const float *gamma, int rows, int width, double *scratch, float *dx, float *dgamma, float *dbeta) {
  double *acc_gamma = scratch;
  double *acc_beta = scratch + width;
  for (int j = 0; j < 2 * width; j++) scratch[j] = 0.0;
  for (int r = 0; r < rows; r++) {
    const float *d = dy + (long)r * width;
    const float *h = xhat + (long)r * width;
    float *out = dx + (long)r * width;
    float sum_g, sum_gx;
    row_projections(d, h, gamma, width, &sum_g, &sum_gx);
    float mg = sum_g / (float)width;
    float mgx = sum_gx / (float)width;
    float rs = rstd[r];
    for (int j = 0; j < width; j++) out[j] = rs * (d[j] * gamma[j] - mg - h[j] * mgx);
    accumulate_params(d, h, width, acc_gamma, acc_beta);
  }
  for (int j = 0; j < width; j++) {
    dgamma[j] = (float)acc_gamma[j];
    dbeta[j] = (float)acc_beta[j];
  }
}
