import { memo, useMemo, type ReactElement } from 'react';
import type { MetricRecord } from '../../../core/protocol';
import { formatMetric, metricLabel } from '../../lib/format';
import { groupMetrics } from '../../lib/metricGroups';

function MetricRow({ m, variants, chance }: { readonly m: MetricRecord; readonly variants: boolean; readonly chance: boolean }): ReactElement {
  return (
    <tr
      data-testid="metric-row"
      data-name={m.name}
      data-k={m.k ?? undefined}
      data-variant={m.variant}
      data-segment={m.protocol.segment}
      data-protocol={m.protocol.candidates.kind}
      data-target={m.protocol.target}
    >
      <td>{metricLabel(m)}</td>
      {variants ? <td data-testid="metric-variant">{m.variant ?? '—'}</td> : null}
      <td className="num mono" data-testid="metric-value" data-value={m.value}>{formatMetric(m.value)}</td>
      {chance ? <td className="num mono muted" data-testid="metric-chance">{m.protocol.chance === undefined ? '—' : formatMetric(m.protocol.chance)}</td> : null}
    </tr>
  );
}

/**
 * Metrics grouped by evaluation protocol (each group states how its numbers were measured); a
 * Model column when a run compares several models, a Chance column when the chance level is known.
 */
export const MetricsTable = memo(function MetricsTable({ metrics }: { readonly metrics: readonly MetricRecord[] }): ReactElement {
  const groups = useMemo(() => groupMetrics(metrics), [metrics]);
  const variants = metrics.some((m) => m.variant !== undefined);
  const chance = metrics.some((m) => m.protocol.chance !== undefined);
  const columns = 2 + (variants ? 1 : 0) + (chance ? 1 : 0);
  if (metrics.length === 0) {
    return (
      <div className="panel">
        <div className="panel-title">Metrics</div>
        <p className="empty" data-testid="metrics-empty">No metrics: this run measured none (an imported training log carries only its loss and learning rate).</p>
      </div>
    );
  }
  return (
    <div className="panel">
      <div className="panel-title">Metrics</div>
      <table className="metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {variants ? <th scope="col">Model</th> : null}
            <th scope="col" className="num">Value</th>
            {chance ? <th scope="col" className="num">Chance</th> : null}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.description}>
            <tr className="protocol-row">
              <th colSpan={columns} scope="colgroup" data-testid="metric-protocol" data-protocol={g.protocol.candidates.kind}>
                {g.description}
              </th>
            </tr>
            {g.metrics.map((m) => <MetricRow key={`${m.name}@${m.k ?? ''}/${m.variant ?? ''}`} m={m} variants={variants} chance={chance} />)}
          </tbody>
        ))}
      </table>
    </div>
  );
});
