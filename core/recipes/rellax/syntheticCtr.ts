/**
 * Tiny rated data for tests: every user likes one genre (rating 5) and dislikes the rest (rating 2);
 * histories mix genres at random, and the genre is a word of each item's text, so a model that
 * reads the prompt can tell a like from a dislike.
 */
import type { InteractionColumns } from '../../data/splits/columns';
import { createRng } from '../../train/rng';
import type { RecipeSource } from '../runner';

/** Rated columns (grouped by user, chronological) and item texts (index = item id, 0 = ''). */
export function syntheticRatings(users: number, length: number, genres: number, perGenre: number): { cols: InteractionColumns & { rating: Float64Array }; texts: string[] } {
  const rng = createRng(4);
  const texts = [''];
  for (let it = 1; it <= genres * perGenre; it++) texts.push(`genre${Math.floor((it - 1) / perGenre)} film${it % 7}`);
  const n = users * length;
  const cols = { userIdx: new Int32Array(n), itemIdx: new Int32Array(n), ts: new Float64Array(n), ord: new Int32Array(n), rating: new Float64Array(n) };
  for (let u = 0; u < users; u++) {
    for (let t = 0; t < length; t++) {
      const i = u * length + t;
      const item = 1 + rng.nextInt(0, genres * perGenre);
      cols.userIdx[i] = u;
      cols.itemIdx[i] = item;
      cols.ts[i] = t;
      cols.ord[i] = t;
      cols.rating[i] = Math.floor((item - 1) / perGenre) === u % genres ? 5 : 2;
    }
  }
  return { cols, texts };
}

/** The same data as a recipe source named `name`. */
export function syntheticRatedSource(name: string, users: number, length: number, genres: number, perGenre: number): RecipeSource {
  const { cols, texts } = syntheticRatings(users, length, genres, perGenre);
  const items = texts.slice(1).map((text, i) => ({ rawId: `i${i + 1}`, title: text, genres: [], text }));
  return { name, users: Array.from({ length: users }, (_, u) => `u${u}`), items, rows: cols };
}
