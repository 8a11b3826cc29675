import { useCallback, useEffect, useMemo, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { LineChartCard } from '../../components/charts/LineChartCard';
import type { LineSeries } from '../../components/charts/canvas/LineCanvas';
import { loadRun } from '../../ipc/actions';
import { formatCompact } from '../../lib/format';
import { runTitle } from '../../lib/runLabel';
import { useStore } from '../../store';
import { EMPTY_SERIES, type Series } from '../../store/series';
import { CompareMetrics } from './CompareMetrics';

const PALETTE = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

function lines(runs: readonly RunSummary[], series: Readonly<Record<string, Series>>, column: 'loss' | 'lr'): (LineSeries & { label: string })[] {
  return runs.map((run, i) => {
    const s = series[run.id] ?? EMPTY_SERIES;
    return { id: run.id, label: `${runTitle(run)} (${run.id.slice(-6)})`, color: PALETTE[i % PALETTE.length] as string, xs: s.step, ys: s[column], length: s.length };
  });
}

/** Several runs on one loss chart and one LR chart, with their metrics side by side. */
export function ComparePage(): ReactElement {
  const ids = useStore((s) => s.compareIds);
  const allRuns = useStore((s) => s.runs);
  const series = useStore((s) => s.series);
  const navigate = useStore((s) => s.navigate);
  const runs = useMemo(() => ids.map((id) => allRuns.find((r) => r.id === id)).filter((r): r is RunSummary => r !== undefined), [ids, allRuns]);
  useEffect(() => {
    for (const run of runs) if (series[run.id] === undefined) void loadRun(run.id);
  }, [runs, series]);
  const loss = useMemo(() => lines(runs, series, 'loss'), [runs, series]);
  const lr = useMemo(() => lines(runs, series, 'lr'), [runs, series]);
  const onBack = useCallback(() => navigate('runs'), [navigate]);
  return (
    <section className="page" data-testid="compare-page">
      <header className="page-header run-title">
        <button type="button" className="btn btn-ghost btn-small" onClick={onBack}>← Runs</button>
        <h1>Compare {runs.length} runs</h1>
      </header>
      {runs.length === 0 ? <p className="empty">Tick runs in the list to compare them.</p> : (
        <>
          <div className="chart-grid">
            <LineChartCard testId="compare-loss-chart" title="Loss" series={loss} headline={`${runs.length} runs`} formatY={formatCompact} emptyText="Loading…" />
            <LineChartCard testId="compare-lr-chart" title="Learning rate" series={lr} headline="" formatY={formatCompact} emptyText="Loading…" />
          </div>
          <CompareMetrics runs={runs} />
        </>
      )}
    </section>
  );
}
