/**
 * A tiny synthetic dataset where an item's text predicts who interacts with it: items belong to
 * genres named in their text, each user mostly consumes one genre. With a cold-item split, a model
 * that reads text can rank cold items; an ID-only model cannot (their embeddings never train).
 */
import type { InteractionColumns } from '../../data/splits/columns';
import { createRng } from '../../train/rng';

/** Generator knobs. */
export interface SyntheticColdOptions {
  readonly genres: number;
  readonly itemsPerGenre: number;
  readonly users: number;
  readonly length: number; // interactions per user
  readonly loyalty: number; // probability an interaction is in the user's genre
  readonly seed: number;
}

/** Interaction columns (sorted by user, chronological) and item texts (index = item id). */
export interface SyntheticCold {
  readonly cols: InteractionColumns;
  readonly numItems: number;
  readonly itemTexts: string[];
}

const WORDS = ['red', 'blue', 'green', 'quiet', 'loud', 'old', 'new', 'small', 'large', 'bright'];

/** Generates the dataset deterministically from `seed`. */
export function syntheticColdData(o: SyntheticColdOptions): SyntheticCold {
  const rng = createRng(o.seed);
  const numItems = o.genres * o.itemsPerGenre;
  const itemTexts = [''];
  for (let it = 1; it <= numItems; it++) {
    const g = Math.floor((it - 1) / o.itemsPerGenre);
    itemTexts.push(`genre${g} topic${g} ${WORDS[rng.nextInt(0, WORDS.length)] ?? ''} ${WORDS[rng.nextInt(0, WORDS.length)] ?? ''}`);
  }
  const n = o.users * o.length;
  const cols = { userIdx: new Int32Array(n), itemIdx: new Int32Array(n), ts: new Float64Array(n), ord: new Int32Array(n) };
  for (let u = 0; u < o.users; u++) {
    const g = u % o.genres;
    for (let t = 0; t < o.length; t++) {
      const genre = rng.nextFloat() < o.loyalty ? g : rng.nextInt(0, o.genres);
      const i = u * o.length + t;
      cols.userIdx[i] = u;
      cols.itemIdx[i] = 1 + genre * o.itemsPerGenre + rng.nextInt(0, o.itemsPerGenre);
      cols.ts[i] = t;
      cols.ord[i] = t;
    }
  }
  return { cols, numItems, itemTexts };
}
