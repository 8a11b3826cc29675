/** Parses RecBole atomic files: one or more .inter files and optional .item files. */
import { concatDatasets } from '../concat';
import type { ParsedDataset, TextSource } from '../types';
import { parseRecBoleInter } from './inter';
import { parseRecBoleItems } from './item';

/** The atomic files of one dataset. */
export interface RecBoleSources {
  readonly inter: readonly TextSource[];
  readonly item: readonly TextSource[];
}

/** Items first (first description of an item wins), then interactions in file order. */
export async function parseRecBole(src: RecBoleSources): Promise<ParsedDataset> {
  const parts: ParsedDataset[] = [];
  for (const f of src.item) parts.push({ interactions: [], items: await parseRecBoleItems(f) });
  for (const f of src.inter) parts.push({ interactions: await parseRecBoleInter(f), items: new Map() });
  return concatDatasets(parts);
}
