import { memo, useMemo, type ReactElement } from 'react';
import type { MetricRecord } from '../../../core/protocol';
import { formatMetric } from '../../lib/format';
import { groupMetrics } from '../../lib/metricGroups';

function metricLabel(m: MetricRecord): string {
  return m.k === null ? m.name : `${m.name}@${m.k}`;
}

/** Final metrics, grouped by evaluation protocol (each group states how its numbers were measured). */
export const MetricsTable = memo(function MetricsTable({ metrics }: { readonly metrics: readonly MetricRecord[] }): ReactElement {
  const groups = useMemo(() => groupMetrics(metrics), [metrics]);
  return (
    <div className="panel">
      <div className="panel-title">Metrics</div>
      <table className="metrics-table" data-testid="metrics-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">Value</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.description}>
            <tr className="protocol-row">
              <th colSpan={2} scope="colgroup" data-testid="metric-protocol" data-protocol={g.protocol.candidates.kind}>
                {g.description}
              </th>
            </tr>
            {g.metrics.map((m) => (
              <tr
                key={`${m.name}@${m.k ?? ''}`}
                data-testid="metric-row"
                data-name={m.name}
                data-k={m.k ?? undefined}
                data-protocol={m.protocol.candidates.kind}
                data-target={m.protocol.target}
              >
                <td>{metricLabel(m)}</td>
                <td className="num mono" data-testid="metric-value" data-value={m.value}>{formatMetric(m.value)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
});
