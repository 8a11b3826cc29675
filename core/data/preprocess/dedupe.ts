/**
 * Duplicate policy. Repeated (user, item) interactions are KEPT: re-watching, re-buying and
 * re-playing are real sequential signal, and dropping them would change sequence lengths and
 * next-item targets. We only count them so the lineage records how many there were.
 */
import type { LineageStep } from '../../protocol/dto';
import type { RawInteraction } from '../types';

/** Keeps every interaction; the lineage step reports the number of repeated (user, item) pairs. */
export function dedupeKeepAll(interactions: readonly RawInteraction[]): { interactions: readonly RawInteraction[]; step: LineageStep } {
  const seen = new Set<string>();
  let repeated = 0;
  for (const x of interactions) {
    // \u0000 cannot occur in parsed ids (binary check), so it is a safe separator.
    const key = `${x.user}\u0000${x.item}`;
    if (seen.has(key)) repeated += 1;
    else seen.add(key);
  }
  const n = interactions.length;
  return { interactions, step: { step: 'dedupe', params: { policy: 'keep-all', repeated }, before: n, after: n } };
}
