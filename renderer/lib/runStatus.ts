import type { MetricRecord, RecipeInfo, RunProgress, RunStatus } from '../../core/protocol';
import { metricLabel } from './format';

const ACTIVE: ReadonlySet<RunStatus> = new Set<RunStatus>(['queued', 'running', 'evaluating']);

/** Queued, running or evaluating: the run can still be cancelled and still streams progress. */
export function isActive(status: RunStatus): boolean {
  return ACTIVE.has(status);
}

/** Failed (e.g. interrupted) or cancelled: the run can continue from its checkpoints. */
export function canResume(status: RunStatus): boolean {
  return status === 'failed' || status === 'cancelled';
}

/** Integer percent 0–100 for the progress bar. A finished run is 100 %. */
export function progressPercent(status: RunStatus, progress: RunProgress | null): number {
  if (status === 'done') return 100;
  if (progress === null || progress.totalSteps <= 0) return 0;
  const pct = Math.round((progress.step / progress.totalSteps) * 100);
  return Math.min(100, Math.max(0, pct));
}

/**
 * The metric shown for a run in lists and notices: the recipe's headline variant (the method, not
 * a baseline it also reports; undefined = records without a variant), test target and sampled
 * candidates preferred, as in the SASRec paper.
 */
export function headlineMetric(metrics: readonly MetricRecord[], name: string, k: number, variant?: string): MetricRecord | null {
  const matches = metrics.filter((m) => m.name === name && m.k === k && m.variant === variant);
  const score = (m: MetricRecord): number =>
    (m.protocol.target === 'test' ? 2 : 0) + (m.protocol.candidates.kind === 'sampled' ? 1 : 0);
  return [...matches].sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** "HR@10", or "HR@10 cold" when the number covers one segment of the items only. */
export function headlineLabel(m: MetricRecord): string {
  const segment = m.protocol.segment === undefined || m.protocol.segment === 'all' ? '' : ` ${m.protocol.segment}`;
  return `${metricLabel(m)}${segment}`;
}

/** The headline variant of the recipe that ran `model` (see RecipeInfo.headlineVariant). */
export function headlineVariantOf(recipes: readonly RecipeInfo[], model: string): string | undefined {
  return recipes.find((r) => r.id === model)?.headlineVariant;
}

/** What Resume does for a run of `model`: the recipe's note (e.g. "restarts from the beginning"), else the checkpoint default. */
export function resumeTitleOf(recipes: readonly RecipeInfo[], model: string): string {
  return recipes.find((r) => r.id === model)?.resumeNote ?? 'Continue from the last checkpoint';
}
