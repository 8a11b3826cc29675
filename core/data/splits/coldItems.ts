/**
 * Choosing the cold (new) items for the new-item split. "Newest" mimics what happens in
 * production — the items that appeared last are the ones with no history — and is the default;
 * "random" (seeded) is the ablation that removes the time correlation.
 */
import type { LineageStep } from '../../protocol/dto';
import { RecForgeError } from '../../errors';
import { createRng, shuffleInPlace } from '../../train/rng';
import { rowCount, type InteractionColumns } from './columns';
import { globalTimeOrder } from './temporal';

/** How cold items are chosen. */
export type ColdStrategy = { readonly kind: 'newest' } | { readonly kind: 'random'; readonly seed: number };

/** Cold-item choice: isCold[item] = 1 for a cold item (index 0, the padding item, is never cold). */
export interface ColdItems {
  readonly isCold: Uint8Array;
  readonly items: Int32Array;
  readonly step: LineageStep;
}

/**
 * Marks round(fraction × appearing items) items as cold. "newest" ranks items by the time of their
 * first interaction on the global time line (timestamp, ord, user), newest first.
 */
export function chooseColdItems(cols: InteractionColumns, numItems: number, fraction: number, strategy: ColdStrategy): ColdItems {
  if (!(fraction >= 0 && fraction < 1)) {
    throw new RecForgeError('validation', `cold-item fraction must be in [0, 1), got ${fraction}`, { file: 'split', field: 'coldFraction' });
  }
  const firstSeen = firstAppearance(cols, numItems);
  const appearing: number[] = [];
  for (let it = 1; it <= numItems; it++) if ((firstSeen[it] ?? -1) >= 0) appearing.push(it);
  const ranked = strategy.kind === 'newest' ? appearing.sort((a, b) => (firstSeen[b] ?? 0) - (firstSeen[a] ?? 0)) : seededShuffle(appearing, strategy.seed);
  const chosen = Int32Array.from(ranked.slice(0, Math.round(fraction * appearing.length))).sort();
  const isCold = new Uint8Array(numItems + 1);
  for (const it of chosen) isCold[it] = 1;
  const params = strategy.kind === 'newest' ? { strategy: 'newest', fraction } : { strategy: 'random', fraction, seed: strategy.seed };
  return { isCold, items: chosen, step: { step: 'choose-cold-items', params, before: appearing.length, after: chosen.length } };
}

/** firstSeen[item] = position of the item's first row on the global time line, -1 if it never occurs. */
function firstAppearance(cols: InteractionColumns, numItems: number): Int32Array {
  const firstSeen = new Int32Array(numItems + 1).fill(-1);
  const order = globalTimeOrder(cols);
  for (let k = 0; k < rowCount(cols); k++) {
    const it = cols.itemIdx[order[k] ?? 0] ?? 0;
    if (it >= 1 && it <= numItems && firstSeen[it] === -1) firstSeen[it] = k;
  }
  return firstSeen;
}

function seededShuffle(items: number[], seed: number): number[] {
  shuffleInPlace(items, createRng(seed));
  return items;
}
