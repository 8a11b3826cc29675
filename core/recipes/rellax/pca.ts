/**
 * PCA by power iteration with deflation, in float64 (ReLLa's SUBR reduces LLM item vectors with
 * PCA before cosine retrieval; official `topK_relevant_ml1m.py` keeps 512 dims). Deterministic.
 */

/** Rows [n × d] projected on the top `k` principal components → [n × k]. */
export function pcaProject(x: Float64Array, n: number, d: number, k: number, iterations = 60): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (x[i * d + j] ?? 0) / n;
  const c = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) c[i] = (x[i] ?? 0) - (mean[i % d] ?? 0);
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b] = (cov[a * d + b] ?? 0) + (c[i * d + a] ?? 0) * (c[i * d + b] ?? 0);
  const out = new Float64Array(n * Math.min(k, d));
  for (let comp = 0; comp < Math.min(k, d); comp++) {
    const v = topEigenvector(cov, d, iterations, comp);
    const lambda = rayleigh(cov, v, d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a * d + b] = (cov[a * d + b] ?? 0) - lambda * (v[a] ?? 0) * (v[b] ?? 0);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (c[i * d + j] ?? 0) * (v[j] ?? 0);
      out[i * Math.min(k, d) + comp] = s;
    }
  }
  return out;
}

function topEigenvector(m: Float64Array, d: number, iterations: number, salt: number): Float64Array {
  let v = Float64Array.from({ length: d }, (_, j) => 1 + ((j * 7 + salt * 13) % 5) / 10);
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w[a] = (w[a] ?? 0) + (m[a * d + b] ?? 0) * (v[b] ?? 0);
    const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
    if (norm === 0) return v;
    v = w.map((x) => x / norm);
  }
  return v;
}

function rayleigh(m: Float64Array, v: Float64Array, d: number): number {
  let s = 0;
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) s += (v[a] ?? 0) * (m[a * d + b] ?? 0) * (v[b] ?? 0);
  return s;
}
