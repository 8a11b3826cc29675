import type { MetricRecord, RunProgress, RunStatus } from '../../core/protocol';

const ACTIVE: ReadonlySet<RunStatus> = new Set<RunStatus>(['queued', 'running', 'evaluating']);

/** Queued, running or evaluating: the run can still be cancelled and still streams progress. */
export function isActive(status: RunStatus): boolean {
  return ACTIVE.has(status);
}

/** Integer percent 0–100 for the progress bar. A finished run is 100 %. */
export function progressPercent(status: RunStatus, progress: RunProgress | null): number {
  if (status === 'done') return 100;
  if (progress === null || progress.totalSteps <= 0) return 0;
  const pct = Math.round((progress.step / progress.totalSteps) * 100);
  return Math.min(100, Math.max(0, pct));
}

/** The metric shown in run lists: test target and sampled candidates preferred, as in the SASRec paper. */
export function headlineMetric(metrics: readonly MetricRecord[], name: string, k: number): MetricRecord | null {
  const matches = metrics.filter((m) => m.name === name && m.k === k);
  const score = (m: MetricRecord): number =>
    (m.protocol.target === 'test' ? 2 : 0) + (m.protocol.candidates.kind === 'sampled' ? 1 : 0);
  return [...matches].sort((a, b) => score(b) - score(a))[0] ?? null;
}
