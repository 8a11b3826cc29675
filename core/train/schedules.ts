/**
 * Learning-rate schedules as pure functions lrAt(step), step = 0-based index of the update.
 * Warm-up is linear and reaches the peak on update `warmupSteps − 1` (no wasted lr-0 update).
 */

/** lr of update `step`. */
export type LrSchedule = (step: number) => number;

/** Shape of the decay once warm-up (and the stable phase) are over. */
export type DecayShape = 'linear' | 'cosine' | '1-sqrt';

/** A schedule as plain data (serialisable into a pipeline or run config). */
export type LrScheduleConfig =
  | { readonly kind: 'constant'; readonly lr: number }
  | { readonly kind: 'linear'; readonly peak: number; readonly warmupSteps: number; readonly totalSteps: number; readonly minLr?: number }
  | { readonly kind: 'cosine'; readonly peak: number; readonly warmupSteps: number; readonly totalSteps: number; readonly minLr?: number }
  | {
      readonly kind: 'wsa';
      readonly peak: number;
      readonly totalSteps: number;
      readonly warmupFraction: number; // (0–1) share of steps warming up
      readonly stableFraction: number; // (0–1) share at peak; annealing takes the rest
      readonly minLr?: number;
      readonly decay?: DecayShape; // annealing shape (cosine)
    };

/** Fraction f ∈ [0, 1] of the decay done → multiplier from 1 down to 0. */
export function decayFactor(shape: DecayShape, f: number): number {
  const x = Math.min(1, Math.max(0, f));
  if (shape === 'linear') return 1 - x;
  if (shape === 'cosine') return 0.5 * (1 + Math.cos(Math.PI * x));
  return 1 - Math.sqrt(x);
}

/** Linear warm-up over `warmupSteps`, then `shape` decay from peak to minLr at `totalSteps`. */
function warmupThenDecay(peak: number, warmupSteps: number, decayStart: number, totalSteps: number, minLr: number, shape: DecayShape): LrSchedule {
  return (step) => {
    if (step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
    if (step < decayStart) return peak;
    const span = Math.max(1, totalSteps - decayStart);
    return minLr + (peak - minLr) * decayFactor(shape, (step - decayStart) / span);
  };
}

/** Same lr on every step (SASRec's default). */
export function constantSchedule(lr: number): LrSchedule {
  return () => lr;
}

/** Linear warm-up, then linear decay to minLr (0) at totalSteps. */
export function linearSchedule(peak: number, warmupSteps: number, totalSteps: number, minLr = 0): LrSchedule {
  return warmupThenDecay(peak, warmupSteps, warmupSteps, totalSteps, minLr, 'linear');
}

/** Linear warm-up, then half-cosine decay to minLr (0) at totalSteps. */
export function cosineSchedule(peak: number, warmupSteps: number, totalSteps: number, minLr = 0): LrSchedule {
  return warmupThenDecay(peak, warmupSteps, warmupSteps, totalSteps, minLr, 'cosine');
}

/**
 * First stable step and first annealing step of a WSA schedule, so data phases (general corpus,
 * then target corpus while annealing) switch exactly where the lr does.
 */
export function wsaBoundaries(totalSteps: number, warmupFraction: number, stableFraction: number): { warmupSteps: number; decayStart: number } {
  const warmupSteps = Math.round(warmupFraction * totalSteps);
  return { warmupSteps, decayStart: warmupSteps + Math.round(stableFraction * totalSteps) };
}

/**
 * Warmup–Stable–Annealing (CPRec; transformers' WSD): warm up over warmupFraction of the steps,
 * hold the peak for stableFraction, then anneal (cosine by default) to minLr over the rest.
 */
export function wsaSchedule(
  peak: number,
  totalSteps: number,
  warmupFraction: number,
  stableFraction: number,
  minLr = 0,
  decay: DecayShape = 'cosine',
): LrSchedule {
  if (warmupFraction < 0 || stableFraction < 0 || warmupFraction + stableFraction > 1) {
    throw new RangeError(`WSA fractions must be ≥ 0 and sum to ≤ 1 (got ${warmupFraction} + ${stableFraction})`);
  }
  const { warmupSteps, decayStart } = wsaBoundaries(totalSteps, warmupFraction, stableFraction);
  return warmupThenDecay(peak, warmupSteps, decayStart, totalSteps, minLr, decay);
}

/** Builds the schedule a config describes. */
export function makeSchedule(config: LrScheduleConfig): LrSchedule {
  switch (config.kind) {
    case 'constant':
      return constantSchedule(config.lr);
    case 'linear':
      return linearSchedule(config.peak, config.warmupSteps, config.totalSteps, config.minLr);
    case 'cosine':
      return cosineSchedule(config.peak, config.warmupSteps, config.totalSteps, config.minLr);
    case 'wsa':
      return wsaSchedule(config.peak, config.totalSteps, config.warmupFraction, config.stableFraction, config.minLr, config.decay);
  }
}
