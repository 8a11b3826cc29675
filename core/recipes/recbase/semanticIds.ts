/**
 * Collision resolution: items sharing a full code tuple get one extra "disambiguation" level
 * (0, 1, 2, … within the group, in item order), as TIGER and RQ-VAE-Recommender do, so every item
 * has a unique ID of fixed length levels + 1. Fixed length also keeps every ID a leaf of the
 * decoding trie (no ID is a prefix of another).
 */
import { RecForgeError } from '../../errors';
import { tupleGroups } from './codeMetrics';

/** Unique semantic IDs of N items. */
export interface SemanticIds {
  readonly items: number;
  readonly levels: number; // quantised levels (the ID has levels + 1 entries)
  readonly codes: number; // K
  readonly disambiguation: number; // size of the extra level (largest collision group, ≥ 1)
  /** ids[i · (levels + 1) + d]. */
  readonly ids: Int32Array;
}

/** Appends the disambiguation level to `codes` ([items × levels]). */
export function resolveCollisions(codes: Int32Array, levels: number, k: number): SemanticIds {
  const items = codes.length / levels;
  const width = levels + 1;
  const ids = new Int32Array(items * width);
  let disambiguation = 1;
  for (const group of tupleGroups(codes, levels, items).values()) {
    disambiguation = Math.max(disambiguation, group.length);
    group.forEach((item, j) => {
      ids.set(codes.subarray(item * levels, (item + 1) * levels), item * width);
      ids[item * width + levels] = j;
    });
  }
  return { items, levels, codes: k, disambiguation, ids };
}

/** Item i's ID (a copy). */
export function idOf(s: SemanticIds, item: number): number[] {
  if (item < 0 || item >= s.items) throw new RecForgeError('validation', `no item ${item} (of ${s.items})`);
  return Array.from(s.ids.subarray(item * (s.levels + 1), (item + 1) * (s.levels + 1)));
}
