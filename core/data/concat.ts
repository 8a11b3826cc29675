/** Concatenation of parsed datasets (several files of one import). */
import type { ItemInfo, ParsedDataset, RawInteraction } from './types';

/** Interactions in part order; for an item described by several parts, the first part wins. */
export function concatDatasets(parts: readonly ParsedDataset[]): ParsedDataset {
  const interactions: RawInteraction[] = [];
  const items = new Map<string, ItemInfo>();
  for (const p of parts) {
    for (const x of p.interactions) interactions.push(x);
    for (const [id, info] of p.items) if (!items.has(id)) items.set(id, info);
  }
  return { interactions, items };
}
