import { memo, useMemo, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { formatMetric } from '../../lib/format';
import { groupMetrics } from '../../lib/metricGroups';
import { runTitle } from '../../lib/runLabel';

/**
 * Metrics of several runs side by side. Rows are grouped by protocol, so two numbers share a row
 * only when they were measured the same way (same split, candidates and seed).
 */
export const CompareMetrics = memo(function CompareMetrics({ runs }: { readonly runs: readonly RunSummary[] }): ReactElement {
  const groups = useMemo(() => groupMetrics(runs.flatMap((r) => r.metrics)), [runs]);
  const valueOf = (run: RunSummary, description: string, name: string, k: number | null): number | undefined =>
    groupMetrics(run.metrics).find((g) => g.description === description)?.metrics.find((m) => m.name === name && m.k === k)?.value;
  return (
    <div className="panel">
      <div className="panel-title">Metrics</div>
      <table className="metrics-table" data-testid="compare-metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {runs.map((r) => <th key={r.id} scope="col" className="num">{runTitle(r)}<div className="muted small mono">{r.id.slice(-6)}</div></th>)}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.description}>
            <tr className="protocol-row"><th colSpan={runs.length + 1} scope="colgroup">{g.description}</th></tr>
            {g.metrics.filter((m, i, all) => all.findIndex((x) => x.name === m.name && x.k === m.k) === i).map((m) => (
              <tr key={`${m.name}@${m.k ?? ''}`} data-testid="compare-metric-row">
                <td>{m.k === null ? m.name : `${m.name}@${m.k}`}</td>
                {runs.map((r) => {
                  const v = valueOf(r, g.description, m.name, m.k);
                  return <td key={r.id} className="num mono">{v === undefined ? '—' : formatMetric(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
});
