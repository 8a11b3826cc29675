/**
 * Deterministic item text embeddings, standing in for PAD's LLM2Vec vectors (paper §3.1 "LLM
 * pre-training": an LLM embeds each item's text once; the vectors stay frozen). No pretrained
 * encoder can be downloaded here, so each word of the item text gets a fixed Gaussian vector drawn
 * from a seed that is the word's FNV-1a hash (a random-projection bag of words), and an item's
 * embedding is the L2-normalised mean of its words' vectors. Items sharing words (genres, title
 * terms) get similar vectors — the property the alignment and the text expert rely on. Items with
 * no text get the zero vector, like PAD's padding row 0.
 */
import { createRng } from '../../train/rng';

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** Lower-cased alphanumeric words. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

function addWordVector(out: Float32Array, offset: number, word: string, dim: number): void {
  const rng = createRng(fnv1a(word));
  for (let j = 0; j < dim; j++) out[offset + j] = (out[offset + j] ?? 0) + rng.nextNormal();
}

function normaliseRow(out: Float32Array, offset: number, dim: number): void {
  let norm = 0;
  for (let j = 0; j < dim; j++) norm += (out[offset + j] ?? 0) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < dim; j++) out[offset + j] = (out[offset + j] ?? 0) * scale;
}

/**
 * Embeddings [numItems + 1, dim] row-major for `texts[item]` (index 0 = padding, zero).
 * @example itemTextEmbeddings(['', 'Toy Story (1995) Animation Comedy'], 64)
 */
export function itemTextEmbeddings(texts: readonly string[], dim: number): Float32Array {
  const out = new Float32Array(texts.length * dim);
  texts.forEach((text, item) => {
    if (item === 0) return;
    for (const w of words(text)) addWordVector(out, item * dim, w, dim);
    normaliseRow(out, item * dim, dim);
  });
  return out;
}
