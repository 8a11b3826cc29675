/**
 * Index remapping: users → 0..U-1 and items → 1..I (0 is the padding item of LeaveOneOutData),
 * both in compareRawIds order of the raw id, so indices do not depend on row order.
 */
import type { RawInteraction } from '../types';
import { compareRawIds } from './rawIds';

/** Dense indices per interaction, plus the raw id of every index. */
export interface Remapped {
  /** users[userIdx] = raw user id. */
  readonly users: string[];
  /** items[itemIdx - 1] = raw item id (item indices are 1-based). */
  readonly items: string[];
  readonly userIdx: Int32Array;
  readonly itemIdx: Int32Array;
}

/** Remaps raw ids to sorted dense indices. */
export function remapIds(interactions: readonly RawInteraction[]): Remapped {
  const users = sortedDistinct(interactions.map((x) => x.user));
  const items = sortedDistinct(interactions.map((x) => x.item));
  const userOf = indexOf(users, 0);
  const itemOf = indexOf(items, 1);
  const userIdx = new Int32Array(interactions.length);
  const itemIdx = new Int32Array(interactions.length);
  interactions.forEach((x, i) => {
    userIdx[i] = userOf.get(x.user) ?? -1;
    itemIdx[i] = itemOf.get(x.item) ?? -1;
  });
  return { users, items, userIdx, itemIdx };
}

function sortedDistinct(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(compareRawIds);
}

function indexOf(ids: readonly string[], base: number): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i + base]));
}
