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

/** RecBole's benchmark split files in time order (train, valid, test); other .inter files first, as given. */
const SPLIT_ORDER = ['.train.inter', '.valid.inter', '.test.inter'];
const splitRank = (name: string): number => SPLIT_ORDER.findIndex((suffix) => name.endsWith(suffix)) + 1;

/**
 * Items first (first description of an item wins), then interactions file by file. Without
 * timestamps a row's position is its time, continued across files in split order, so a user's
 * test interaction comes after their training ones whatever order the files were dropped in.
 */
export async function parseRecBole(src: RecBoleSources): Promise<ParsedDataset> {
  const parts: ParsedDataset[] = [];
  for (const f of src.item) parts.push({ interactions: [], items: await parseRecBoleItems(f) });
  let startAt = 0;
  for (const f of [...src.inter].sort((a, b) => splitRank(a.name) - splitRank(b.name))) {
    const interactions = await parseRecBoleInter(f, startAt);
    for (const r of interactions) startAt = Math.max(startAt, r.timestamp);
    parts.push({ interactions, items: new Map() });
  }
  return concatDatasets(parts);
}
