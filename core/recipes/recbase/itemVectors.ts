/**
 * Item content vectors from item text, deterministically. RecBase embeds every item's unified text
 * (core/data/text recBaseItemText, §4.2.2 "standardised into a unified textual format") with
 * NV-Embed-v2 (§5.4). No pretrained encoder can be downloaded here, so we fit the classic corpus
 * encoder instead: TF-IDF over word unigrams and bigrams, reduced by LSA (lsa.ts) to `dim`
 * components. IDF damps the template words every item shares ("describe", "title"); LSA merges
 * words that co-occur across item texts (a genre and its title words), so two items of one topic
 * are close even without a shared word — the property zero-shot transfer through codes needs.
 * The encoder sees item text only (never interactions), of every item it is asked to embed.
 * Rows are centred over the item set and L2-normalised, as the RQ-VAE expects zero-mean inputs.
 */
import { lsaEmbed } from './lsa';
import type { SparseRows } from './lsa';

/** Lower-cased word unigrams and adjacent bigrams of a text, with counts. */
export function textFeatures(text: string): Map<string, number> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const out = new Map<string, number>();
  const add = (f: string): void => void out.set(f, (out.get(f) ?? 0) + 1);
  words.forEach((w, i) => {
    add(w);
    if (i > 0) add(`${words[i - 1] ?? ''} ${w}`);
  });
  return out;
}

/** Smoothed IDF (log((1 + n) / (1 + df)) + 1) of every feature over the documents. */
function inverseDocumentFrequency(docs: readonly Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([f, c]) => [f, Math.log((1 + n) / (1 + c)) + 1]));
}

/** L2-normalised TF-IDF rows (sublinear tf), columns in first-seen feature order. */
export function tfidfRows(texts: readonly string[]): SparseRows {
  const docs = texts.map(textFeatures);
  const idf = inverseDocumentFrequency(docs);
  const column = new Map([...idf.keys()].map((f, j) => [f, j]));
  const rowStart = new Int32Array(docs.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  docs.forEach((doc, r) => {
    const weights = [...doc].map(([f, count]) => (1 + Math.log(count)) * (idf.get(f) ?? 1));
    const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1;
    [...doc.keys()].forEach((f, i) => {
      col.push(column.get(f) ?? 0);
      val.push((weights[i] ?? 0) / norm);
    });
    rowStart[r + 1] = col.length;
  });
  return { rows: docs.length, features: column.size, rowStart, col: Int32Array.from(col), val: Float64Array.from(val) };
}

/** Subtracts each group's mean row (one group when `groups` is absent), then L2-normalises rows. */
function centreAndNormalise(x: Float64Array, rows: number, dim: number, groups?: readonly string[]): Float32Array {
  const out = new Float32Array(rows * dim);
  const means = new Map<string, Float64Array>();
  const counts = new Map<string, number>();
  const groupOf = (r: number): string => groups?.[r] ?? '';
  for (let r = 0; r < rows; r++) {
    const g = groupOf(r);
    const mean = means.get(g) ?? new Float64Array(dim);
    means.set(g, mean);
    counts.set(g, (counts.get(g) ?? 0) + 1);
    for (let j = 0; j < dim; j++) mean[j] = (mean[j] ?? 0) + (x[r * dim + j] ?? 0);
  }
  for (let r = 0; r < rows; r++) {
    const mean = means.get(groupOf(r)) ?? new Float64Array(dim);
    const n = counts.get(groupOf(r)) ?? 1;
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += ((x[r * dim + j] ?? 0) - (mean[j] ?? 0) / n) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dim; j++) out[r * dim + j] = ((x[r * dim + j] ?? 0) - (mean[j] ?? 0) / n) * scale;
  }
  return out;
}

/**
 * Content vectors [texts.length, dim] row-major: row i belongs to texts[i]. With `domains`
 * (domains[i] = domain of texts[i]) every domain is centred on its own mean.
 * @example itemContentVectors(['Describe a movie:\n{"title": "Toy Story"}', 'Describe a book:\n{"title": "Emma"}'], 64)
 */
export function itemContentVectors(texts: readonly string[], dim: number, domains?: readonly string[]): Float32Array {
  return centreAndNormalise(lsaEmbed(tfidfRows(texts), dim), texts.length, dim, domains);
}
