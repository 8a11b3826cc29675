/**
 * Latent semantic analysis of sparse TF-IDF rows: the top-k right singular directions V, so a
 * row's vector is its projection row · V (U·Σ for the fitted rows, and defined for new rows too),
 * found by randomized subspace iteration (Halko, Martinsson & Tropp 2011)
 * so only sparse products with the n × V matrix are ever formed: linear in the corpus size.
 * Words that co-occur in item texts (a genre and its title words) share components, so items of
 * one topic end up close even when they share no word — what a dense text encoder gives RecBase.
 * Float64 and a fixed seed: deterministic.
 */
import { createRng } from '../../train/rng';
import { symmetricEigen } from './symmetricEigen';

/** Sparse rows in CSR form over `features` columns. */
export interface SparseRows {
  readonly rows: number;
  readonly features: number;
  readonly rowStart: Int32Array; // rows + 1 offsets into col / val
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** A · X (X [features × k] → [rows × k]) or, `transposed`, Aᵀ · X (X [rows × k] → [features × k]). */
function product(a: SparseRows, x: Float64Array, k: number, transposed: boolean): Float64Array {
  const out = new Float64Array((transposed ? a.features : a.rows) * k);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowStart[r] ?? 0; p < (a.rowStart[r + 1] ?? 0); p++) {
      const c = a.col[p] ?? 0;
      const v = a.val[p] ?? 0;
      const [to, from] = transposed ? [c, r] : [r, c];
      for (let j = 0; j < k; j++) out[to * k + j] = (out[to * k + j] ?? 0) + v * (x[from * k + j] ?? 0);
    }
  }
  return out;
}

/** Orthonormalises the k columns of M [n × k] in place (modified Gram–Schmidt; null columns stay 0). */
function orthonormalise(m: Float64Array, n: number, k: number): Float64Array {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let d = 0;
      for (let r = 0; r < n; r++) d += (m[r * k + i] ?? 0) * (m[r * k + j] ?? 0);
      for (let r = 0; r < n; r++) m[r * k + j] = (m[r * k + j] ?? 0) - d * (m[r * k + i] ?? 0);
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += (m[r * k + j] ?? 0) ** 2;
    const scale = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < n; r++) m[r * k + j] = (m[r * k + j] ?? 0) * scale;
  }
  return m;
}

/** Options of a decomposition. */
export interface LsaOptions {
  readonly oversample?: number; // extra directions carried along (accuracy of the top k)
  readonly iterations?: number; // power iterations (sharpen a slowly decaying spectrum)
  readonly seed?: number;
}

/**
 * The top-k right singular directions V [features × k] (column c = direction c, by decreasing
 * singular value; zero past the rank). A row's LSA vector is its projection on them (row · V, the
 * U·Σ row for rows of `a`), so a text that was not in `a` gets a vector in the same space.
 */
export function lsaBasis(a: SparseRows, k: number, o: LsaOptions = {}): Float64Array {
  const width = Math.min(k + (o.oversample ?? 10), Math.max(1, Math.min(a.rows, a.features)));
  const rng = createRng(o.seed ?? 0x15a);
  const omega = Float64Array.from({ length: a.features * width }, () => rng.nextNormal());
  let q = orthonormalise(product(a, omega, width, false), a.rows, width);
  for (let it = 0; it < (o.iterations ?? 4); it++) {
    const z = orthonormalise(product(a, q, width, true), a.features, width);
    q = orthonormalise(product(a, z, width, false), a.rows, width);
  }
  // B = Qᵀ A = W Σ Vᵀ with B Bᵀ = W Λ Wᵀ, so V = Bᵀ W Σ⁻¹.
  const bt = product(a, q, width, true); // [features × width] = Bᵀ
  const gram = new Float64Array(width * width);
  for (let f = 0; f < a.features; f++) {
    for (let i = 0; i < width; i++) {
      const bi = bt[f * width + i] ?? 0;
      if (bi !== 0) for (let j = 0; j < width; j++) gram[i * width + j] = (gram[i * width + j] ?? 0) + bi * (bt[f * width + j] ?? 0);
    }
  }
  const { values, vectors } = symmetricEigen(gram, width);
  const basis = new Float64Array(a.features * k);
  for (let c = 0; c < Math.min(k, width); c++) {
    const sigma = Math.sqrt(Math.max(0, values[c] ?? 0));
    if (sigma < 1e-12) continue;
    for (let f = 0; f < a.features; f++) {
      let s = 0;
      for (let i = 0; i < width; i++) s += (bt[f * width + i] ?? 0) * (vectors[i * width + c] ?? 0);
      basis[f * k + c] = s / sigma;
    }
  }
  return basis;
}

/** Rows of `a` projected on `basis` [features × k]: [rows × k]. */
export function projectRows(a: SparseRows, basis: ArrayLike<number>, k: number): Float64Array {
  return product(a, Float64Array.from(basis), k, false);
}
