/**
 * The candidate sets of PAD's warm and cold evaluation, drawn once per run. They depend only on
 * the split and the sampler seed (not on the training seed), so every seed and both models rank
 * the same sets — and drawing them before any training turns "too few items for N negatives" into
 * a settings error up front instead of a failure after minutes of training.
 */
import { sampleCandidateSets, type CandidateSets } from '../../data/splits/candidates';
import type { SplitResult } from '../../data/splits/types';
import { RecForgeError } from '../../errors';
import type { PadEvalSettings } from './padEval';

/** Warm sets (validation phase, cold items never negatives) and cold sets (test phase). */
export interface PadCandidates {
  readonly warm: CandidateSets;
  readonly cold: CandidateSets;
}

/** Draws both segments' sets; a shortage of negatives is reported on the settings' `negatives`. */
export function drawPadCandidates(split: SplitResult, coldItems: readonly number[], e: Pick<PadEvalSettings, 'negatives' | 'seed'>): PadCandidates {
  const base = { negatives: e.negatives, strategy: 'uniform' as const, seed: e.seed };
  return {
    warm: locatedOnSettings('warm', () => sampleCandidateSets(split, 'valid', { ...base, neverNegatives: coldItems })),
    cold: locatedOnSettings('cold', () => sampleCandidateSets(split, 'test', base)),
  };
}

/** Re-throws the sampler's shortage (located on its own 'eval' file) as the run setting that causes it. */
function locatedOnSettings(segment: 'warm' | 'cold', draw: () => CandidateSets): CandidateSets {
  try {
    return draw();
  } catch (err) {
    if (!(err instanceof RecForgeError) || err.location?.field !== 'negatives') throw err;
    const why = segment === 'warm' ? ' (warm candidates exclude the cold items)' : '';
    throw new RecForgeError('validation', `${segment} evaluation: ${err.detail}${why}; lower the negatives`, { file: 'settings', field: 'negatives', ...(err.location.expected === undefined ? {} : { expected: err.location.expected }) });
  }
}
