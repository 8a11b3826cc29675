/**
 * The tiny LM's vocabulary: special tokens for the ReLLa-style CTR prompt, then the most frequent
 * words of the item texts (no pretrained tokenizer is available offline; a word vocabulary keeps
 * prompts short). `soft` marks an SPA slot whose embedding is replaced (ReLLaX §3.3).
 */
import { words } from '../pad/textEmbedding';

/** Special token ids (fixed positions at the start of the vocabulary). */
export const SPECIAL = { pad: 0, bos: 1, unk: 2, sep: 3, liked: 4, disliked: 5, ask: 6, answer: 7, yes: 8, no: 9, soft: 10 } as const;
const SPECIALS = Object.keys(SPECIAL).length;

/** Word → id and each item's token ids. */
export interface Vocab {
  readonly size: number;
  readonly itemTokens: readonly Int32Array[]; // index = item id
}

/**
 * Words that occur in more than half of the items: the item template's boilerplate ("Title",
 * "Genres"), which says nothing about an item and would eat its few prompt tokens.
 */
function boilerplate(itemTexts: readonly string[]): Set<string> {
  const df = new Map<string, number>();
  for (const t of itemTexts) for (const w of new Set(words(t))) df.set(w, (df.get(w) ?? 0) + 1);
  const items = itemTexts.filter((t) => t !== '').length;
  return new Set([...df].filter(([, n]) => n > items / 2).map(([w]) => w));
}

/** Builds the vocabulary from item texts, keeping at most `maxWords` words and `maxItemTokens` per item. */
export function buildVocab(itemTexts: readonly string[], maxWords: number, maxItemTokens: number): Vocab {
  const skip = boilerplate(itemTexts);
  const itemWords = itemTexts.map((t) => words(t).filter((w) => !skip.has(w)));
  const counts = new Map<string, number>();
  for (const ws of itemWords) for (const w of ws) counts.set(w, (counts.get(w) ?? 0) + 1);
  const kept = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxWords);
  const ids = new Map(kept.map(([w], i) => [w, SPECIALS + i]));
  const itemTokens = itemWords.map((ws) => Int32Array.from(ws.slice(0, maxItemTokens).map((w) => ids.get(w) ?? SPECIAL.unk)));
  return { size: SPECIALS + kept.length, itemTokens };
}
