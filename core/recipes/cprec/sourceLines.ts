/**
 * The LM job's sources as pre-training lines (corpus item indices), and the lines the trainer
 * actually reads — what decides whether a test target is warm. CPRec's job reads batchSize
 * unpacked examples per update (cprecJob sets no packing, accumulation or shuffle, so the
 * defaults: unpacked, 1, reshuffled) from the current phase's source in that source's
 * deterministic epoch order; a phase with 0 steps (no annealing) or a short run reads only part.
 */
import { firstReads } from '../../train/lm/exampleStream';
import type { LmDataPhase } from '../../train/lm/job';
import { stepsPerSource } from '../../train/lm/phases';
import { cprecSources } from './schedulePlan';
import type { CprecSettings } from './settings';

/** One source of the LM job, as lines. */
export interface SourceLines {
  readonly name: string;
  readonly lines: readonly number[][];
}

/** The job's sources in job order: one per corpus, or both corpora as one shuffled source (naive mixing). */
export function sourceLines(s: Pick<CprecSettings, 'stableData' | 'annealData' | 'dataOrder'>, lines: { stable: number[][]; anneal: number[][] }): SourceLines[] {
  const names = cprecSources(s);
  if (s.dataOrder === 'shuffled') return [{ name: names.stable, lines: [...lines.stable, ...lines.anneal] }];
  return [{ name: names.stable, lines: lines.stable }, { name: names.anneal, lines: lines.anneal }];
}

/** The lines a run with `phases` reads from `sources` (job order, as sourceLines gives them). */
export function linesRead(sources: readonly SourceLines[], phases: readonly LmDataPhase[], s: Pick<CprecSettings, 'steps' | 'batchSize' | 'seed'>): number[][] {
  const steps = stepsPerSource(phases, s.steps);
  return sources.flatMap((src, i) => {
    const read = firstReads(src.lines.length, (steps.get(src.name) ?? 0) * s.batchSize, s.seed, i, true);
    return src.lines.filter((_, k) => read.has(k));
  });
}
