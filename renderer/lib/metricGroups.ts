import type { EvalProtocol, MetricRecord } from '../../core/protocol';
import { describeProtocol } from './format';

export interface MetricGroup {
  readonly description: string;
  readonly protocol: EvalProtocol;
  readonly metrics: readonly MetricRecord[];
}

const NAME_ORDER = ['HR', 'NDCG', 'MRR'];

function compareMetrics(a: MetricRecord, b: MetricRecord): number {
  const byName = NAME_ORDER.indexOf(a.name) - NAME_ORDER.indexOf(b.name);
  if (byName !== 0) return byName;
  return (a.k ?? Number.MAX_SAFE_INTEGER) - (b.k ?? Number.MAX_SAFE_INTEGER);
}

/** Groups metrics by how they were measured, in first-seen order; HR, NDCG, MRR and ascending k inside. */
export function groupMetrics(metrics: readonly MetricRecord[]): MetricGroup[] {
  const groups = new Map<string, { protocol: EvalProtocol; metrics: MetricRecord[] }>();
  for (const metric of metrics) {
    const key = describeProtocol(metric.protocol);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { protocol: metric.protocol, metrics: [metric] });
    else group.metrics.push(metric);
  }
  return [...groups].map(([description, g]) => ({
    description,
    protocol: g.protocol,
    metrics: [...g.metrics].sort(compareMetrics),
  }));
}
