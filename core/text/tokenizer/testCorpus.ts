/**
 * Deterministic item-title-like texts for the tokenizer tests and the speed check: words from a
 * small lexicon with years, prices, punctuation and a share of accented, CJK and emoji titles.
 */
import { createRng } from '../../train/rng';

const WORDS = ['the', 'story', 'toy', 'night', 'dark', 'knight', 'return', 'of', 'king', 'love', 'in', 'time', 'star', 'wars', 'edition', 'deluxe', 'wireless', 'mouse', 'usb', 'cable', 'pack', 'kids', 'book', 'volume', 'café', 'naïve', 'über', 'garçon', 'piñata', 'straße'];
const EXTRAS = ['日本語の本', '东京', '🎬', '👍🏽', 'Ωmega', 'Привет', 'عربى', '—', '…', '™', '½'];

/** `n` titles, the same for the same seed. */
export function titleCorpus(n: number, seed = 7): string[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.nextInt(0, xs.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 2 + rng.nextInt(0, 6) }, () => pick(WORDS));
    if (rng.nextFloat() < 0.5) words[0] = (words[0] as string).replace(/^./, (c) => c.toUpperCase());
    if (rng.nextFloat() < 0.3) words.push(`(${1950 + rng.nextInt(0, 75)})`);
    if (rng.nextFloat() < 0.2) words.push(`$${rng.nextInt(1, 500)}.${rng.nextInt(10, 99)}`);
    if (rng.nextFloat() < 0.15) words.push(pick(EXTRAS));
    if (rng.nextFloat() < 0.1) words.push("don't", "it's");
    out.push(words.join(rng.nextFloat() < 0.05 ? '  ' : ' '));
  }
  return out;
}
