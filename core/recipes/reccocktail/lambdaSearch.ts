/**
 * Choosing λ (RecCocktail §3.3). Grid: λ on a uniform grid in [0, 1], the one with the best
 * validation score (the paper: "selected using the validation data", metric unspecified; we use
 * MRR, which reads every rank and so is the least noisy on a few hundred cases; ties → NDCG@1,
 * then the smaller λ); per scenario when new items have their own validation slice. Entropy: the
 * grid λ minimising the mean entropy on at most 100 unlabeled test prompts (Eq. 8) — the reference
 * curve, and the start of the paper's gradient search (lambdaGradient.ts), which refines it.
 */
import { RecForgeError } from '../../errors';
import type { RankMetrics } from '../llm/rankEval';

/** 0, step, 2·step, …, 1 (rounded to 1e-9 so 0.1·3 prints as 0.3). */
export function lambdaGrid(step: number): number[] {
  if (!(step > 0 && step <= 1)) throw new RecForgeError('validation', `λ grid step must be in (0, 1], got ${step}`, { file: 'reccocktail', field: 'lambdaStep' });
  const n = Math.round(1 / step);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((i / n) * 1e9) / 1e9);
}

/** One grid point of the validation search. */
export interface GridPoint {
  readonly lambda: number;
  readonly valid: RankMetrics;
}

/** One grid point of the entropy search. */
export interface EntropyPoint {
  readonly lambda: number;
  readonly entropy: number;
}

function validationKey(m: RankMetrics): [number, number] {
  return [m.mrr, m.ndcg[1] ?? 0];
}

/** The grid point with the best validation MRR (then NDCG@1, then smaller λ). */
export function bestByValidation(points: readonly GridPoint[]): GridPoint {
  let best = points[0];
  for (const p of points) {
    if (best === undefined) best = p;
    const [a1, a2] = validationKey(p.valid);
    const [b1, b2] = validationKey(best.valid);
    if (a1 > b1 || (a1 === b1 && a2 > b2)) best = p;
  }
  if (best === undefined) throw new RecForgeError('validation', 'empty λ grid');
  return best;
}

/** The grid point with the lowest entropy (then smaller λ). */
export function lowestEntropy(points: readonly EntropyPoint[]): EntropyPoint {
  let best = points[0];
  for (const p of points) if (best === undefined || p.entropy < best.entropy) best = p;
  if (best === undefined) throw new RecForgeError('validation', 'empty λ grid');
  return best;
}
