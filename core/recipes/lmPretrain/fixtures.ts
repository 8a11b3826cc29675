/**
 * A tiny synthetic workspace for tests and the resume child process: two domains of made-up titles
 * and users whose histories stay mostly in one genre, generated in code from a seed.
 */
import { createRng } from '../../train/rng';
import type { PretrainDataset, PretrainItem } from './corpus';
import type { LmPretrainSettingsInput } from './settings';

const WORDS = ['red', 'river', 'night', 'garden', 'storm', 'silver', 'city', 'song', 'winter', 'ghost', 'iron', 'lake'];
const GENRES: Readonly<Record<string, readonly string[]>> = { movies: ['Drama', 'Comedy', 'Thriller'], books: ['Fantasy', 'History', 'Poetry'] };

function item(rng: ReturnType<typeof createRng>, domain: string, i: number): PretrainItem {
  const words = Array.from({ length: rng.nextInt(1, 4) }, () => WORDS[rng.nextInt(0, WORDS.length)] as string);
  const genres = GENRES[domain] as readonly string[];
  const title = words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ');
  return { title: domain === 'movies' ? `${title} (${1980 + (i % 40)})` : title, genres: [genres[i % genres.length] as string], domain };
}

/** `items` items over two domains and `users` histories of 4–12 items. */
export function tinyPretrainDataset(seed = 3, items = 40, users = 30): PretrainDataset {
  const rng = createRng(seed);
  const catalog = Array.from({ length: items }, (_, i) => item(rng, i % 2 === 0 ? 'movies' : 'books', i));
  const userSequences = Array.from({ length: users }, () => {
    const taste = rng.nextInt(0, 3);
    const picks = catalog.flatMap((it, i) => ((i >> 1) % 3 === taste ? [i] : []));
    return Int32Array.from({ length: rng.nextInt(4, 13) }, () => (rng.nextFloat() < 0.8 ? (picks[rng.nextInt(0, picks.length)] as number) : rng.nextInt(0, items)));
  });
  return { items: catalog, userSequences };
}

/** Settings of a model small enough for a test to pretrain in about a second. */
export function tinyPretrainSettings(overrides: LmPretrainSettingsInput = {}): LmPretrainSettingsInput {
  return {
    seed: 5, vocabSize: 300, layers: 2, hidden: 32, intermediate: 64, heads: 4, kvHeads: 2, maxLen: 48,
    steps: 10, batchSize: 2, peakLr: 5e-3, minLr: 5e-4, checkpointEvery: 3, ...overrides,
  };
}
