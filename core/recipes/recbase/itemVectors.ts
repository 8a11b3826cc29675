/**
 * Item content vectors from item text, deterministically. RecBase embeds every item's unified text
 * (core/data/text recBaseItemText, §4.2.2 "standardised into a unified textual format") with
 * NV-Embed-v2 (§5.4). No pretrained encoder can be downloaded here, so we fit the classic corpus
 * encoder instead: TF-IDF over word unigrams and bigrams, reduced by LSA (lsa.ts) to `dim`
 * components. IDF damps the template words every item shares ("describe", "title"); LSA merges
 * words that co-occur across item texts (a genre and its title words), so two items of one topic
 * are close even without a shared word — the property zero-shot transfer through codes needs.
 * The encoder sees item text only (never interactions), of every item it is asked to embed.
 * This file holds the features; textEncoder.ts fits and applies the whole encoder (centred,
 * L2-normalised rows, as the RQ-VAE expects zero-mean inputs).
 */
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
export function inverseDocumentFrequency(docs: readonly Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  return new Map([...df].map(([f, c]) => [f, Math.log((1 + n) / (1 + c)) + 1]));
}

/** L2-normalised TF-IDF rows (sublinear tf) of feature maps (textFeatures) over the given columns; features without a column are dropped. */
export function tfidfRowsOver(docs: readonly Map<string, number>[], column: ReadonlyMap<string, number>, idf: ArrayLike<number>): SparseRows {
  const rowStart = new Int32Array(docs.length + 1);
  const col: number[] = [];
  const val: number[] = [];
  docs.forEach((doc, r) => {
    const known = [...doc].flatMap(([f, count]) => {
      const j = column.get(f);
      return j === undefined ? [] : [{ j, w: (1 + Math.log(count)) * (idf[j] ?? 1) }];
    });
    const norm = Math.sqrt(known.reduce((s, k) => s + k.w * k.w, 0)) || 1;
    for (const k of known) {
      col.push(k.j);
      val.push(k.w / norm);
    }
    rowStart[r + 1] = col.length;
  });
  return { rows: docs.length, features: column.size, rowStart, col: Int32Array.from(col), val: Float64Array.from(val) };
}
