/**
 * A split from its stored description: the same facts always give the same split, so a split is
 * saved as its spec (kind, params, seed) and recomputed wherever it is needed (host, worker).
 */
import { coldItemSplit } from './coldSplit';
import type { InteractionColumns } from './columns';
import { leaveOneOutSplit } from './leaveOneOut';
import { temporalRatioSplit } from './temporal';
import type { SplitResult } from './types';

export type SplitSpec =
  | { readonly kind: 'leave-one-out' }
  | { readonly kind: 'temporal-ratio'; readonly ratios: readonly [number, number, number] }
  | { readonly kind: 'cold-item'; readonly fraction: number; readonly strategy: 'newest' | 'random'; readonly seed: number };

export function splitBySpec(cols: InteractionColumns, numItems: number, numUsers: number, spec: SplitSpec): SplitResult {
  switch (spec.kind) {
    case 'leave-one-out':
      return leaveOneOutSplit(cols, numItems, numUsers);
    case 'temporal-ratio':
      return temporalRatioSplit(cols, numItems, { ratios: spec.ratios }, numUsers);
    case 'cold-item': {
      const strategy = spec.strategy === 'random' ? { kind: 'random' as const, seed: spec.seed } : { kind: 'newest' as const };
      return coldItemSplit(cols, numItems, { fraction: spec.fraction, strategy }, numUsers);
    }
  }
}
