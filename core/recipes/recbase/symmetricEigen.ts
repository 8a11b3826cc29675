/**
 * Eigen-decomposition of a small dense symmetric matrix by cyclic Jacobi rotations (Golub & Van
 * Loan §8.5): exact to float64 round-off for the few-dozen-wide Gram matrices LSA produces.
 */

/** Eigenvalues (decreasing) and eigenvectors as columns of a row-major [n × n] matrix. */
export interface Eigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

function offDiagonal(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += (a[i * n + j] ?? 0) ** 2;
  return s;
}

/** Applies the rotation that zeroes a[p][q] to a (both sides) and accumulates it into v. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q] ?? 0;
  if (Math.abs(apq) < 1e-300) return;
  const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p] ?? 0;
    const akq = a[k * n + q] ?? 0;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k] ?? 0;
    const aqk = a[q * n + k] ?? 0;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] ?? 0;
    const vkq = v[k * n + q] ?? 0;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

/** Decomposes symmetric `m` [n × n] (not modified). */
export function symmetricEigen(m: Float64Array, n: number, maxSweeps = 60): Eigen {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += (a[i] ?? 0) ** 2;
  for (let sweep = 0; sweep < maxSweeps && offDiagonal(a, n) > 1e-24 * total; sweep++) {
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => (a[y * n + y] ?? 0) - (a[x * n + x] ?? 0));
  const values = Float64Array.from(order, (i) => a[i * n + i] ?? 0);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src] ?? 0;
  });
  return { values, vectors };
}
