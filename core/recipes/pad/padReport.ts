/**
 * PAD results as the studio stores them: MetricRecords (variant 'PAD' / 'SASRec' for the means
 * over seeds, 'PAD seed 3' etc. per seed; segment warm/cold; the full evaluation protocol with its
 * chance level) and one ResultTable: mean ± sample std per model and segment, plus the paired
 * PAD − SASRec difference, which is what the acceptance reads ("better on cold, not worse on warm
 * beyond the seed-to-seed spread").
 */
import type { EvalProtocol, MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { chanceLevel } from '../../eval/chance';
import { meanStd, metricKey, type PadModel, type SeedResult } from './padCompare';
import type { PadMetric } from './padEval';
import type { PadSettings } from './settings';

const VARIANT: Readonly<Record<PadModel, string>> = { pad: 'PAD', sasrec: 'SASRec' };
const SEGMENTS = ['warm', 'cold'] as const;

/** Where the numbers come from: the source's name and the split's seed. */
export interface PadReportContext {
  readonly domain: string;
  readonly settings: PadSettings;
}

function chanceOf(m: PadMetric): number {
  const c = chanceLevel(1 + m.protocol.candidates.negatives, m.k === null ? [] : [m.k]);
  if (m.name === 'MRR') return c.mrr;
  return (m.name === 'HR' ? c.hr : c.ndcg)[m.k ?? 0] ?? NaN;
}

function protocolOf(m: PadMetric, ctx: PadReportContext): EvalProtocol {
  const c = m.protocol.candidates;
  return {
    split: 'cold-item',
    target: m.protocol.segment === 'warm' ? 'valid' : 'test',
    candidates: { kind: 'sampled', negatives: c.negatives, sampler: c.strategy, seed: c.seed },
    excludeHistory: true,
    users: m.protocol.cases,
    segment: m.protocol.segment,
    domain: ctx.domain,
    ...(m.protocol.split.seed === null ? {} : { seed: m.protocol.split.seed }),
    chance: chanceOf(m),
  };
}

/** Per-seed records of one seed (variant 'PAD seed 1', 'SASRec seed 1'). */
export function seedMetrics(r: SeedResult, ctx: PadReportContext): MetricRecord[] {
  return (['pad', 'sasrec'] as const).flatMap((model) => r[model].map((m) => ({ name: m.name, k: m.k, value: m.value, protocol: protocolOf(m, ctx), variant: `${VARIANT[model]} seed ${r.seed}` })));
}

/** Mean-over-seeds records (variant 'PAD' / 'SASRec'); the protocol is the first seed's (all share it). */
export function meanMetrics(results: readonly SeedResult[], ctx: PadReportContext): MetricRecord[] {
  const first = results[0];
  if (first === undefined) return [];
  return (['pad', 'sasrec'] as const).flatMap((model) =>
    first[model].map((m, i) => ({ name: m.name, k: m.k, value: meanStd(results.map((r) => r[model][i]?.value ?? NaN)).mean, protocol: protocolOf(m, ctx), variant: VARIANT[model] })),
  );
}

function metricColumns(results: readonly SeedResult[]): string[] {
  return (results[0]?.pad ?? []).filter((m) => m.protocol.segment === 'warm').map(metricKey);
}

/** Values of `metric` in `segment` for a model (or the paired PAD − SASRec difference), per seed. */
function perSeed(results: readonly SeedResult[], segment: 'warm' | 'cold', metric: string, model: PadModel | 'diff'): number[] {
  const value = (r: SeedResult, mm: PadModel): number => r[mm].find((m) => m.protocol.segment === segment && metricKey(m) === metric)?.value ?? NaN;
  return results.map((r) => (model === 'diff' ? value(r, 'pad') - value(r, 'sasrec') : value(r, model)));
}

function protocolText(results: readonly SeedResult[], ctx: PadReportContext): string {
  const s = ctx.settings;
  const cases = (seg: 'warm' | 'cold'): string => {
    const p = results[0]?.pad.find((m) => m.protocol.segment === seg)?.protocol;
    return p === undefined ? '0' : p.subsampled ? `${p.cases} of ${p.available}, seeded subsample` : String(p.cases);
  };
  const how = s.coldStrategy === 'random' ? `random, split seed ${s.splitSeed}` : 'newest items';
  return [
    `domain ${ctx.domain}: cold-item split (${Math.round(s.coldFraction * 100)} % of items cold, ${how})`,
    `warm = each user's held-out last warm interaction whose item occurs in training (${cases('warm')} cases), cold = interactions with cold items (${cases('cold')} cases)`,
    `histories of up to ${s.maxLen} items`,
    `1 + ${s.negatives} uniform sampled candidates (seed ${s.evalSeed}), history excluded, cold items never negatives of warm cases; pessimistic ranks`,
    `mean ± sample std over seeds ${results.map((r) => r.seed).join(', ')}; PAD − SASRec is the paired difference per seed`,
  ].join(' · ');
}

/** The comparison table: rows SASRec / PAD / PAD − SASRec per segment, columns metric mean and ± std. */
export function padTable(results: readonly SeedResult[], ctx: PadReportContext): ResultTable {
  const metrics = metricColumns(results);
  const columns = ['Segment', 'Variant', ...metrics.flatMap((m) => [m, `${m} ±`])];
  const rows = SEGMENTS.flatMap((segment) =>
    (['sasrec', 'pad', 'diff'] as const).map((model) => [
      segment,
      model === 'diff' ? 'PAD − SASRec' : VARIANT[model],
      ...metrics.flatMap((metric) => {
        const { mean, std } = meanStd(perSeed(results, segment, metric, model));
        return [mean, std];
      }),
    ]),
  );
  return { id: 'pad-vs-sasrec', title: 'PAD vs SASRec on warm and cold items', columns, rows, protocol: protocolText(results, ctx) };
}

/** The learned gates (mean over seeds): how much each expert weighs for frequent and cold items. */
export function gateTable(results: readonly SeedResult[]): ResultTable | null {
  const gates = results.flatMap((r) => (r.gates ? [r.gates] : []));
  if (gates.length === 0) return null;
  const mean = (pick: (g: NonNullable<SeedResult['gates']>) => number[], e: number): number => meanStd(gates.map((g) => pick(g)[e] ?? NaN)).mean;
  const row = (label: string, pick: (g: NonNullable<SeedResult['gates']>) => number[]): (string | number)[] => [label, ...[0, 1, 2].map((e) => mean(pick, e))];
  return {
    id: 'pad-gates',
    title: 'PAD gate weights after fine-tuning',
    columns: ['Items', 'rec-specific', 'aligned', 'LLM-specific'],
    rows: [row('most frequent bin', (g) => g.frequent), row('cold (never in training)', (g) => g.cold)],
    protocol: `normalised gate weights per expert, mean over seeds ${results.map((r) => r.seed).join(', ')}; the cold bin never trains (no cold item is in training) and gives the rec-specific expert 0`,
  };
}
