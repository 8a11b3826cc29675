import { describe, expect, it } from 'vitest';
import { lsaBasis, projectRows } from './lsa';
import type { SparseRows } from './lsa';
import { symmetricEigen } from './symmetricEigen';
import { inverseDocumentFrequency, textFeatures, tfidfRowsOver } from './itemVectors';

/** Row embeddings U·Σ: the rows projected on their own top-k basis. */
function lsaEmbed(a: SparseRows, k: number): Float64Array {
  return projectRows(a, lsaBasis(a, k), k);
}

/** A dense [rows × features] matrix as CSR. */
function sparse(dense: number[][]): SparseRows {
  const col: number[] = [];
  const val: number[] = [];
  const rowStart = [0];
  for (const row of dense) {
    row.forEach((v, j) => {
      if (v !== 0) {
        col.push(j);
        val.push(v);
      }
    });
    rowStart.push(col.length);
  }
  return { rows: dense.length, features: dense[0]?.length ?? 0, rowStart: Int32Array.from(rowStart), col: Int32Array.from(col), val: Float64Array.from(val) };
}

function gram(m: ArrayLike<number>, rows: number, k: number): number[] {
  return Array.from({ length: rows * rows }, (_, x) => {
    const [i, j] = [Math.floor(x / rows), x % rows];
    let s = 0;
    for (let c = 0; c < k; c++) s += (m[i * k + c] ?? 0) * (m[j * k + c] ?? 0);
    return s;
  });
}

describe('symmetric eigen-decomposition', () => {
  it('finds eigenpairs in decreasing order', () => {
    const m = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const { values, vectors } = symmetricEigen(m, 3);
    expect(values[0]).toBeGreaterThan(values[1] ?? 0);
    expect(values[1]).toBeGreaterThan(values[2] ?? 0);
    for (let c = 0; c < 3; c++) {
      for (let r = 0; r < 3; r++) {
        const mv = [0, 1, 2].reduce((s, k) => s + (m[r * 3 + k] ?? 0) * (vectors[k * 3 + c] ?? 0), 0);
        expect(mv).toBeCloseTo((values[c] ?? 0) * (vectors[r * 3 + c] ?? 0), 10);
      }
    }
  });
});

describe('LSA', () => {
  const a = [
    [1, 0, 2, 0, 0, 1],
    [0, 3, 0, 0, 1, 0],
    [1, 0, 2, 0, 0, 0],
    [0, 0, 0, 4, 0, 1],
    [0, 2, 0, 0, 1, 0],
  ];

  it('keeps every inner product when k reaches the rank (U·Σ·(U·Σ)ᵀ = A·Aᵀ)', () => {
    const e = lsaEmbed(sparse(a), 5);
    const exact = gram(a.flat(), 5, 6);
    gram(e, 5, 5).forEach((v, i) => expect(v).toBeCloseTo(exact[i] ?? 0, 8));
  });

  it('orders components by singular value and is deterministic', () => {
    const e = lsaEmbed(sparse(a), 3);
    const energy = [0, 1, 2].map((c) => [0, 1, 2, 3, 4].reduce((s, r) => s + (e[r * 3 + c] ?? 0) ** 2, 0));
    expect(energy[0]).toBeGreaterThanOrEqual(energy[1] ?? 0);
    expect(energy[1]).toBeGreaterThanOrEqual(energy[2] ?? 0);
    expect(Array.from(lsaEmbed(sparse(a), 3))).toEqual(Array.from(e));
  });

  it('TF-IDF rows are unit length', () => {
    const docs = ['haunted crypt saga', 'haunted ghost', 'jolly picnic party'].map(textFeatures);
    const idf = inverseDocumentFrequency(docs);
    const rows = tfidfRowsOver(docs, new Map([...idf.keys()].map((f, j) => [f, j])), [...idf.values()]);
    for (let r = 0; r < rows.rows; r++) {
      let norm = 0;
      for (let p = rows.rowStart[r] ?? 0; p < (rows.rowStart[r + 1] ?? 0); p++) norm += (rows.val[p] ?? 0) ** 2;
      expect(norm).toBeCloseTo(1, 10);
    }
  });
});
