/**
 * The WSA schedule of a CPRec run and its data phases as one plan (CPRec §4.4: Warmup → Stable →
 * Annealing, with the harder corpus entering when annealing starts). The studio's chart reads the
 * lr of every update, the three phase starts and the step where the data source switches.
 */
import { makeSchedule, wsaBoundaries, type LrScheduleConfig } from '../../train/schedules';
import type { LmDataPhase } from '../../train/lm/job';
import { phaseBoundaries, wsaDataPhases, type LmPhaseBoundary } from '../../train/lm/phases';
import type { CprecSettings } from './settings';

/**
 * Source names of the two corpora in the LM job, named by their content so the chart's phase
 * markers read "anneal (mixed-target)": the data switch is visible where it happens. Shuffled
 * (naive mixing): one source holding both corpora, read by every phase, so no switch is drawn.
 */
export function cprecSources(s: Pick<CprecSettings, 'stableData' | 'annealData' | 'dataOrder'>): { readonly stable: string; readonly anneal: string } {
  if (s.dataOrder === 'shuffled') return { stable: `${s.stableData}+${s.annealData}`, anneal: `${s.stableData}+${s.annealData}` };
  return { stable: s.stableData, anneal: s.annealData };
}

/** WSA config of the run. */
export type WsaConfig = Extract<LrScheduleConfig, { kind: 'wsa' }>;

/** What the chart needs: lr per update, phase starts, the data switch. */
export interface CprecSchedulePlan {
  readonly schedule: WsaConfig;
  readonly phases: readonly LmDataPhase[];
  /** 1-based step of each phase's first update (LmTrainPoint.step), with its source. */
  readonly boundaries: readonly LmPhaseBoundary[];
  /** 1-based step of the first update on the annealing source (null when annealing is empty, starts at step 1 or reads the same source). */
  readonly dataSwitchStep: number | null;
  /** lr[i] = lr of update i + 1 (the chart's x is LmTrainPoint.step). */
  readonly lr: Float64Array;
}

/** The WSA schedule config of `s`. */
export function cprecSchedule(s: CprecSettings): WsaConfig {
  return { kind: 'wsa', peak: s.peakLr, totalSteps: s.steps, warmupFraction: s.warmupFraction, stableFraction: s.stableFraction, minLr: s.minLr, decay: s.decay };
}

/** The schedule, its phases and the data switch of a run with settings `s`. */
export function cprecSchedulePlan(s: CprecSettings): CprecSchedulePlan {
  const schedule = cprecSchedule(s);
  const sources = cprecSources(s);
  const phases = wsaDataPhases(schedule, sources.stable, sources.anneal);
  const lrAt = makeSchedule(schedule);
  const { decayStart } = wsaBoundaries(s.steps, s.warmupFraction, s.stableFraction);
  return {
    schedule,
    phases,
    boundaries: phaseBoundaries(phases, s.steps),
    // A switch needs an earlier phase on the other source: annealing from step 1 switches nothing.
    dataSwitchStep: sources.stable !== sources.anneal && decayStart > 0 && decayStart < s.steps ? decayStart + 1 : null,
    lr: Float64Array.from({ length: s.steps }, (_, i) => lrAt(i)),
  };
}
