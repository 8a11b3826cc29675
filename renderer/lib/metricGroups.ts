import type { EvalProtocol, MetricRecord } from '../../core/protocol';
import { describeProtocol } from './format';

export interface MetricGroup {
  readonly description: string;
  readonly protocol: EvalProtocol;
  readonly metrics: readonly MetricRecord[];
}

const NAME_ORDER = ['HR', 'NDCG', 'MRR'];

function nameRank(name: string): number {
  const i = NAME_ORDER.indexOf(name);
  return i === -1 ? NAME_ORDER.length : i;
}

function compareMetrics(a: MetricRecord, b: MetricRecord): number {
  const byName = nameRank(a.name) - nameRank(b.name) || a.name.localeCompare(b.name);
  if (byName !== 0) return byName;
  return (a.k ?? Number.MAX_SAFE_INTEGER) - (b.k ?? Number.MAX_SAFE_INTEGER);
}

/** Chance differs per metric (HR@10 vs NDCG@10), so it is shown per row, not in the group. */
function groupKey(p: EvalProtocol): string {
  const { chance: _chance, ...rest } = p;
  return describeProtocol(rest);
}

/**
 * Groups metrics by how they were measured, in first-seen order; HR, NDCG, MRR, other names and
 * ascending k inside (a stable sort keeps the variants of one metric in the order they came).
 */
export function groupMetrics(metrics: readonly MetricRecord[]): MetricGroup[] {
  const groups = new Map<string, { protocol: EvalProtocol; metrics: MetricRecord[] }>();
  for (const metric of metrics) {
    const key = groupKey(metric.protocol);
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
