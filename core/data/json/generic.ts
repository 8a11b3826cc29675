/**
 * Generic JSON lines: one object per line with fixed field names `user`, `item`, `timestamp`
 * (required) and `rating`, `title` (optional). Ids may be strings or integers.
 */
import { concatDatasets } from '../concat';
import type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from '../types';
import { objectLines } from './lines';
import { idValue, numberValue, optionalText } from './values';

/** Parses one JSON-lines file; the first line carrying a title for an item wins. */
export async function parseInteractionsJsonl(src: TextSource): Promise<ParsedDataset> {
  const interactions: RawInteraction[] = [];
  const items = new Map<string, ItemInfo>();
  for await (const { value, line } of objectLines(src, 'json')) {
    const at = { file: src.name, line };
    const user = idValue(value, 'user', at);
    const item = idValue(value, 'item', at);
    const timestamp = numberValue(value, 'timestamp', at);
    const hasRating = value['rating'] !== undefined && value['rating'] !== null;
    interactions.push(hasRating ? { user, item, timestamp, rating: numberValue(value, 'rating', at) } : { user, item, timestamp });
    const title = optionalText(value, 'title');
    if (title !== '' && !items.has(item)) items.set(item, { title, genres: [] });
  }
  return { interactions, items };
}

/** Parses several JSON-lines files, concatenated in order. */
export async function parseInteractionsJsonlFiles(srcs: readonly TextSource[]): Promise<ParsedDataset> {
  const parts: ParsedDataset[] = [];
  for (const s of srcs) parts.push(await parseInteractionsJsonl(s));
  return concatDatasets(parts);
}
