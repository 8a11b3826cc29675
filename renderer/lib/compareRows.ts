/**
 * The rows of the run comparison: per protocol group, one row per metric, cut-off and variant
 * (a RecCocktail run reports NDCG@1 for base, ingredient and merged — three rows, never one),
 * with each run's value and the chance level of that metric under that protocol.
 */
import type { MetricRecord, RunSummary } from '../../core/protocol';
import { groupMetrics, type MetricGroup } from './metricGroups';

/** One metric of one variant across the compared runs. */
export interface CompareRow {
  readonly name: string;
  readonly k: number | null;
  readonly variant: string | undefined;
  readonly chance: number | undefined;
  /** Per run, in the order of the runs; undefined where a run has no such number. */
  readonly values: readonly (number | undefined)[];
}

export interface CompareGroup {
  readonly description: string;
  readonly rows: readonly CompareRow[];
}

const rowKey = (m: MetricRecord): string => `${m.name}@${m.k ?? ''}/${m.variant ?? ''}`;

function valuesByKey(group: MetricGroup | undefined): Map<string, number> {
  return new Map((group?.metrics ?? []).map((m) => [rowKey(m), m.value]));
}

/** Groups in first-seen order across the runs; rows in the groups' metric order. */
export function compareRows(runs: readonly RunSummary[]): CompareGroup[] {
  const perRun = runs.map((r) => new Map(groupMetrics(r.metrics).map((g) => [g.description, g])));
  return groupMetrics(runs.flatMap((r) => r.metrics)).map((g) => {
    const runValues = perRun.map((groups) => valuesByKey(groups.get(g.description)));
    const seen = new Set<string>();
    const rows: CompareRow[] = [];
    for (const m of g.metrics) {
      const key = rowKey(m);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ name: m.name, k: m.k, variant: m.variant, chance: m.protocol.chance, values: runValues.map((v) => v.get(key)) });
    }
    return { description: g.description, rows };
  });
}
