/** Parses the review files (and optional metadata files) of one Amazon Reviews release. */
import { concatDatasets } from '../concat';
import type { ParsedDataset, TextSource } from '../types';
import type { AmazonEdition } from './editions';
import { parseAmazonMeta } from './meta';
import { parseAmazonReviews } from './reviews';

/** Review files (one per category, concatenated in order) and metadata files. */
export interface AmazonSources {
  readonly reviews: readonly TextSource[];
  readonly meta: readonly TextSource[];
}

/** Reads every file in order; interactions keep file order, the first metadata of an item wins. */
export async function parseAmazon(src: AmazonSources, edition: AmazonEdition): Promise<ParsedDataset> {
  const parts: ParsedDataset[] = [];
  for (const m of src.meta) parts.push({ interactions: [], items: await parseAmazonMeta(m, edition) });
  for (const r of src.reviews) parts.push({ interactions: await parseAmazonReviews(r, edition), items: new Map() });
  return concatDatasets(parts);
}
