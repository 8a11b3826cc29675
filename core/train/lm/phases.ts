/**
 * Data phases: which source feeds each update. A run can pretrain on a general corpus and switch
 * to the target domain for the last stretch (CPRec: general data through WSA's warm-up and stable
 * phases, target data while annealing). The resolver is a pure function of the step, so a resumed
 * run switches at the same step as an uninterrupted one.
 */
import { RecForgeError } from '../../errors';
import { wsaBoundaries } from '../schedules';
import type { LrScheduleConfig } from '../schedules';
import type { LmDataPhase } from './job';

/** A point where the phase (and maybe the source) changes, for charts. */
export interface LmPhaseBoundary {
  readonly step: number; // LmTrainPoint.step of the phase's first update (startStep + 1)
  readonly phase: string;
  readonly source: string;
}

/** The phase active at update `step` (the last one starting at or before it). */
export function resolvePhase(phases: readonly LmDataPhase[], step: number): LmDataPhase {
  let current = phases[0];
  for (const p of phases) if (p.startStep <= step) current = p;
  if (current === undefined) throw new RecForgeError('validation', 'an LM job needs at least one data phase');
  return current;
}

/** Boundaries of the phases that start before `totalSteps`. */
export function phaseBoundaries(phases: readonly LmDataPhase[], totalSteps: number): LmPhaseBoundary[] {
  return phases.filter((p) => p.startStep < totalSteps).map((p) => ({ step: p.startStep + 1, phase: p.name, source: p.source }));
}

/** Updates each source feeds in a run of `totalSteps` (sources no phase reads are absent). */
export function stepsPerSource(phases: readonly LmDataPhase[], totalSteps: number): Map<string, number> {
  const out = new Map<string, number>();
  phases.forEach((p, i) => {
    const steps = Math.min(phases[i + 1]?.startStep ?? totalSteps, totalSteps) - Math.min(p.startStep, totalSteps);
    if (steps > 0) out.set(p.source, (out.get(p.source) ?? 0) + steps);
  });
  return out;
}

/**
 * CPRec-style phases aligned with a WSA schedule: 'warmup' and 'stable' read `general`, 'anneal'
 * reads `target`. Empty phases (0 steps) are dropped.
 */
export function wsaDataPhases(schedule: Extract<LrScheduleConfig, { kind: 'wsa' }>, general: string, target: string): LmDataPhase[] {
  const { warmupSteps, decayStart } = wsaBoundaries(schedule.totalSteps, schedule.warmupFraction, schedule.stableFraction);
  const all: LmDataPhase[] = [
    { name: 'warmup', source: general, startStep: 0 },
    { name: 'stable', source: general, startStep: warmupSteps },
    { name: 'anneal', source: target, startStep: decayStart },
  ];
  return all.filter((p, i) => (all[i + 1]?.startStep ?? Infinity) > p.startStep);
}

/** Checks phases against the job's sources: sorted, first at step 0, names unique, sources known. */
export function validatePhases(phases: readonly LmDataPhase[], sourceNames: readonly string[]): void {
  const fail = (why: string): never => {
    throw new RecForgeError('validation', `invalid LM data phases: ${why}`, { file: 'LM train job', field: 'phases' });
  };
  if (phases[0]?.startStep !== 0) fail('the first phase must start at step 0');
  const names = new Set<string>();
  phases.forEach((p, i) => {
    if (!sourceNames.includes(p.source)) fail(`phase ${p.name} reads unknown source ${p.source}`);
    if (names.has(p.name)) fail(`phase name ${p.name} is used twice`);
    names.add(p.name);
    if (i > 0 && p.startStep <= (phases[i - 1]?.startStep ?? 0)) fail('phases must start at strictly increasing steps');
  });
}
