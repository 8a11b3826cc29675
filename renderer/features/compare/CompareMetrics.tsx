import { memo, useMemo, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { formatMetric, metricLabel } from '../../lib/format';
import { compareRows } from '../../lib/compareRows';
import { runTitle } from '../../lib/runLabel';

/**
 * Metrics of several runs side by side. Rows are grouped by protocol, so two numbers share a row
 * only when they were measured the same way (same split, candidates and seed) by the same model
 * of the run (its variant: base, ingredient, merged, …); the chance level sits next to them.
 */
export const CompareMetrics = memo(function CompareMetrics({ runs }: { readonly runs: readonly RunSummary[] }): ReactElement {
  const groups = useMemo(() => compareRows(runs), [runs]);
  const variants = groups.some((g) => g.rows.some((r) => r.variant !== undefined));
  const chance = groups.some((g) => g.rows.some((r) => r.chance !== undefined));
  const columns = 1 + (variants ? 1 : 0) + runs.length + (chance ? 1 : 0);
  return (
    <div className="panel">
      <div className="panel-title">Metrics</div>
      <table className="metrics-table" data-testid="compare-metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {variants ? <th scope="col">Model</th> : null}
            {runs.map((r) => <th key={r.id} scope="col" className="num">{runTitle(r)}<div className="muted small mono">{r.id.slice(-6)}</div></th>)}
            {chance ? <th scope="col" className="num">Chance</th> : null}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.description}>
            <tr className="protocol-row"><th colSpan={columns} scope="colgroup">{g.description}</th></tr>
            {g.rows.map((row) => (
              <tr key={`${row.name}@${row.k ?? ''}/${row.variant ?? ''}`} data-testid="compare-metric-row" data-variant={row.variant}>
                <td>{metricLabel(row)}</td>
                {variants ? <td>{row.variant ?? '—'}</td> : null}
                {row.values.map((v, i) => <td key={runs[i]?.id ?? i} className="num mono">{v === undefined ? '—' : formatMetric(v)}</td>)}
                {chance ? <td className="num mono muted">{row.chance === undefined ? '—' : formatMetric(row.chance)}</td> : null}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
});
