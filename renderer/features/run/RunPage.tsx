import { useCallback, useEffect, type ReactElement } from 'react';
import type { MetricRecord, RunSummary } from '../../../core/protocol';
import { changeRun, loadRun } from '../../ipc/actions';
import { downloadPipeline } from '../../ipc/runFileActions';
import { runTitle, stopLabel, stopOf } from '../../lib/runLabel';
import { canResume, isActive, resumeTitleOf } from '../../lib/runStatus';
import { useStore } from '../../store';
import { CocktailPlayground } from './CocktailPlayground';
import { LossChart } from './LossChart';
import { LrChart } from './LrChart';
import { MetricsTable } from './MetricsTable';
import { ProgressPanel } from './ProgressPanel';
import { ResultTables } from './ResultTables';
import { RunArtifacts } from './RunArtifacts';
import { RunConfig } from './RunConfig';
import { RunNotes } from './RunNotes';
import { RunReportButton } from './RunReportButton';
import { StatusBadge } from './StatusBadge';
import { TryModel } from './TryModel';

function RunTitle({ run }: { readonly run: RunSummary }): ReactElement {
  const navigate = useStore((s) => s.navigate);
  const onBack = useCallback(() => navigate('runs'), [navigate]);
  const onCancel = useCallback(() => void changeRun('runs.cancel', run.id), [run.id]);
  const onResume = useCallback(() => void changeRun('runs.resume', run.id), [run.id]);
  const onPipeline = useCallback(() => void downloadPipeline(run.id), [run.id]);
  const resumable = canResume(run.status);
  const resumeTitle = useStore((s) => resumeTitleOf(s.recipes, run.model));
  return (
    <header className="page-header run-title">
      <button type="button" className="btn btn-ghost btn-small" onClick={onBack}>← Runs</button>
      <h1>{runTitle(run)}</h1>
      <StatusBadge status={run.status} testId="run-status" />
      <span className="grow" />
      <span className="muted small mono">{run.id}</span>
      <RunReportButton runId={run.id} />
      {run.config === null ? null : <button type="button" className="btn btn-ghost btn-small" data-testid="run-pipeline" onClick={onPipeline} title="The pipeline file that reproduces this run (also runs with `recforge run`)">
        Pipeline file
      </button>}
      {isActive(run.status) ? (
        <button type="button" className="btn btn-danger" data-testid="run-cancel" onClick={onCancel}>Cancel</button>
      ) : null}
      {resumable ? (
        <button type="button" className="btn btn-primary" data-testid="run-resume" onClick={onResume} title={resumeTitle}>
          Resume
        </button>
      ) : null}
    </header>
  );
}

/** Before Resume: how far the run got, and what Resume keeps and trains again (said, not only in a tooltip). */
function ResumeNote({ run }: { readonly run: RunSummary }): ReactElement | null {
  const note = useStore((s) => resumeTitleOf(s.recipes, run.model));
  if (!canResume(run.status)) return null;
  const stop = stopOf(run);
  const where = stop === null ? '' : `${stopLabel(stop).replace(/^s/, 'S')}. `;
  return <p className="muted small resume-note" data-testid="resume-note">{where}{note}</p>;
}

/** The RecCocktail run's λ table (core/recipes/reccocktail/report.ts). */
const LAMBDA_TABLE = 'reccocktail-lambda';

/** The λ a RecCocktail run chose on its validation grid (metric 'lambda', variant 'grid'). */
function gridLambdaOf(metrics: readonly MetricRecord[]): number | null {
  return metrics.find((m) => m.name === 'lambda' && m.variant === 'grid')?.value ?? null;
}

/** One run: live progress and charts, then metrics; rehydrated with runs.get when opened. */
export function RunPage({ runId }: { readonly runId: string }): ReactElement {
  const run = useStore((s) => s.runs.find((r) => r.id === runId) ?? null);
  const loaded = useStore((s) => s.series[runId] !== undefined);
  const extras = useStore((s) => s.extras[runId]);
  useEffect(() => {
    if (!loaded) void loadRun(runId);
  }, [runId, loaded]);

  if (run === null) {
    return <section className="page" data-testid="run-page" data-run-id={runId}><p className="empty">Loading run…</p></section>;
  }
  return (
    <section className="page" data-testid="run-page" data-run-id={runId}>
      <RunTitle run={run} />
      <ResumeNote run={run} />
      {run.error !== null ? (
        <div className="run-error" role="alert" data-testid="run-error">{run.error}</div>
      ) : null}
      <ProgressPanel runId={runId} status={run.status} />
      <div className="chart-grid">
        <LossChart runId={runId} />
        <LrChart runId={runId} />
      </div>
      {run.status === 'done' || run.metrics.length > 0 ? <MetricsTable metrics={run.metrics} /> : null}
      <ResultTables tables={extras?.tables ?? []} />
      <RunArtifacts runId={runId} artifacts={extras?.artifacts ?? []} />
      {run.model === 'lm-pretrain' && run.status === 'done' ? <TryModel runId={runId} /> : null}
      {run.model === 'reccocktail' && run.status === 'done' ? (
        <CocktailPlayground runId={runId} gridLambda={gridLambdaOf(run.metrics)} metrics={run.metrics} curve={extras?.tables.find((t) => t.id === LAMBDA_TABLE) ?? null} />
      ) : null}
      {run.config ? <RunConfig model={run.model} config={run.config} /> : null}
      <RunNotes key={run.id} run={run} />
    </section>
  );
}
