/**
 * PadData from a recipe source (one domain of a workspace dataset): a cold-item split of its rows
 * and one text per item — the text the dataset's item template renders (title, genres, …), the
 * fields PAD's LLM2Vec prompt reads for Amazon items (official `create_llm2vec_amazon.py`).
 */
import { coldItemSplit, coldItemsOf } from '../../data/splits/coldSplit';
import type { SplitResult } from '../../data/splits/types';
import { RecForgeError } from '../../errors';
import type { RecipeSource } from '../runner';
import type { PadSettings } from './settings';
import type { PadData } from './trainPad';

/** The source named `domain`, or the first one when `domain` is empty. */
export function chooseSource(sources: readonly RecipeSource[], domain: string): RecipeSource {
  const source = domain === '' ? sources[0] : sources.find((x) => x.name === domain);
  if (source === undefined) {
    const names = sources.map((x) => x.name).join(', ');
    throw new RecForgeError('validation', domain === '' ? 'the dataset has no sources' : `no domain named '${domain}'`, { file: 'settings', field: 'domain', expected: names === '' ? 'a dataset with interactions' : `one of ${names}` });
  }
  return source;
}

/** Cold-item split of the source + item texts (index = item id, 0 = padding ''). */
export function padDataFromSource(source: RecipeSource, s: Pick<PadSettings, 'coldFraction' | 'coldStrategy' | 'splitSeed'>): PadData {
  const strategy = s.coldStrategy === 'random' ? { kind: 'random' as const, seed: s.splitSeed } : { kind: 'newest' as const };
  const split = coldItemSplit(source.rows, source.items.length, { fraction: s.coldFraction, strategy }, source.users.length);
  return { split, itemTexts: ['', ...source.items.map((it) => it.text)], coldItems: coldItemsOf(split) };
}

/**
 * The history window actually needed: no timeline is longer than this, so a larger maxLen would
 * only add padding positions (same predictions, more compute).
 */
export function neededMaxLen(split: SplitResult, maxLen: number): number {
  let longest = 1;
  const o = split.timeline.offsets;
  for (let u = 0; u + 1 < o.length; u++) longest = Math.max(longest, (o[u + 1] ?? 0) - (o[u] ?? 0));
  return Math.min(maxLen, longest);
}
