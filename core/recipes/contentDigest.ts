/**
 * Digests of what a run trains on — its sources (rows, users, item texts), a provided model's
 * start weights, data computed in the run (RecBase's semantic IDs) — for stage-checkpoint fingerprints: a resumed run must never restore a stage that
 * was trained on other data (an item template edited between cancel and resume, a model folder
 * replaced in place). Two 32-bit lanes over 32-bit words (FNV-1a, and a murmur3-style mix), so a
 * million rows digest in milliseconds; it guards against accidents, not adversaries.
 */
import type * as tf from '@tensorflow/tfjs';
import type { RecipeSource } from './runner';

class WordHash {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  word(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    let k = Math.imul(x, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    const b = this.b ^ k;
    this.b = (Math.imul((b << 13) | (b >>> 19), 5) + 0xe6546b64) | 0;
  }

  /** Length first, so adjacent arrays or texts cannot trade elements. */
  words(w: Int32Array): void {
    this.word(w.length);
    for (let i = 0; i < w.length; i++) this.word(w[i] ?? 0);
  }

  text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  hex(): string {
    return [this.a, this.b].map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/** The 32-bit words of a typed array's bytes (a float's bit pattern, not its rounded value). */
function wordsOf(a: Int32Array | Float32Array | Float64Array): Int32Array {
  return a instanceof Int32Array ? a : new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4);
}

/** A digest of integers, as 16 hex digits: a stage scope for data computed in the run. */
export function digestInts(values: ArrayLike<number>): string {
  const h = new WordHash();
  h.words(values instanceof Int32Array ? values : Int32Array.from(values));
  return h.hex();
}

/** A digest of every source: name, user space, users, items (id, title, genres, text) and every row column. */
export function sourcesDigest(sources: readonly RecipeSource[]): string {
  const h = new WordHash();
  h.word(sources.length);
  for (const s of sources) {
    h.text(s.name);
    h.text(s.userSpace ?? '');
    h.word(s.users.length);
    for (const u of s.users) h.text(u);
    h.word(s.items.length);
    for (const it of s.items) {
      for (const field of [it.rawId, it.title ?? '\u0000', it.text]) h.text(field);
      h.word(it.genres.length);
      for (const g of it.genres) h.text(g);
    }
    const { userIdx, itemIdx, ts, ord, rating } = s.rows;
    for (const column of [userIdx, itemIdx, ts, ord]) h.words(wordsOf(column));
    if (rating === undefined) h.word(-1);
    else h.words(wordsOf(rating));
  }
  return h.hex();
}

/** A digest of named weights (names sorted; dtype, shape and values of each). */
export function weightsDigest(weights: ReadonlyMap<string, tf.Tensor>): string {
  const h = new WordHash();
  for (const [name, t] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    h.text(`${name} ${t.dtype} ${t.shape.join('x')}`);
    const values = t.dataSync();
    h.words(values instanceof Float32Array || values instanceof Int32Array ? wordsOf(values) : Int32Array.from(values, (v) => (v ? 1 : 0)));
  }
  return h.hex();
}
