/**
 * What a CPRec run reports: target-domain ranking metrics before ('initial') and after ('cprec')
 * continual pre-training — all test cases, warm targets (read in pre-training) and cold targets
 * (never seen) — each with protocol and chance level; the results table; and the WSA plan as a
 * table (phase starts, data source, lr), next to the 'plan'/'phaseChange' events the chart draws.
 */
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { rankMetricRecords, type RankProtocol } from '../llm/metricRecords';
import type { RankMetrics } from '../llm/rankEval';
import type { CprecResult } from './runCprec';
import type { CprecSettings } from './settings';

const SEGMENTS = ['all', 'warm', 'cold'] as const;

function protocolOf(s: CprecSettings, segment: (typeof SEGMENTS)[number]): RankProtocol {
  return { split: 'leave-one-out', target: 'test', excludeHistory: true, segment, domain: s.targetDomain, negatives: s.negatives, seed: s.seed };
}

/** Every variant × segment with at least one case. */
export function cprecMetrics(r: CprecResult, s: CprecSettings): MetricRecord[] {
  return r.evaluations.flatMap((e) => SEGMENTS.filter((seg) => e[seg].cases > 0).flatMap((seg) => rankMetricRecords(e[seg], protocolOf(s, seg), e.variant)));
}

const f4 = (x: number): number => Math.round(x * 1e4) / 1e4;
/** The @k value, blank when k ≥ candidates (every candidate is in the top k: HR 1 by construction), as metricRecords drops it. */
const atK = (m: RankMetrics, values: Readonly<Record<number, number>>, k: number): number | null => (k < m.candidates ? f4(values[k] ?? 0) : null);
const row = (label: string, seg: string, m: RankMetrics): (string | number | null)[] => [label, seg, m.cases, f4(m.ndcg[1] ?? 0), atK(m, m.ndcg, 10), atK(m, m.hr, 10), f4(m.mrr)];

/** What each phase reads, e.g. "120 domain-specific texts (warm-up + stable), 40 mixed-target texts (annealing)". */
function pretrainCorpusText(r: CprecResult, s: CprecSettings): string {
  const stable = `${r.corpus.stableExamples} ${s.stableData}`;
  const anneal = `${r.corpus.annealExamples} ${s.annealData}`;
  if (s.dataOrder === 'shuffled') return `${stable} and ${anneal} texts shuffled together in every phase (naive mixing)`;
  if (!r.plan.boundaries.some((b) => b.phase === 'anneal')) return `${stable} texts (warm-up + stable); no annealing, so the ${anneal} texts are never read`;
  if (!r.plan.boundaries.some((b) => b.phase !== 'anneal')) return `${anneal} texts (annealing from the first step); the ${stable} texts are never read`;
  return `${stable} texts (warm-up + stable), ${anneal} texts (annealing)`;
}

/** Before/after pre-training per segment, with the chance row. */
export function cprecResultsTable(r: CprecResult, s: CprecSettings): ResultTable {
  const rows = r.evaluations.flatMap((e) => SEGMENTS.filter((seg) => e[seg].cases > 0).map((seg) => row(e.variant, seg, e[seg])));
  const all = r.evaluations[0]?.all;
  if (all) rows.push(['chance', 'all', all.cases, f4(all.chance.ndcg[1] ?? 0), atK(all, all.chance.ndcg, 10), atK(all, all.chance.hr, 10), f4(all.chance.mrr)]);
  return {
    id: 'cprec-results',
    title: `CPRec: next-item ranking on ${s.targetDomain} before and after all-domain continual pre-training, and after SFT from each`,
    columns: ['Variant', 'Segment', 'Cases', 'NDCG@1', 'NDCG@10', 'HR@10', 'MRR'],
    rows,
    protocol:
      `Leave-one-out on ${s.targetDomain} (test = last behaviour; the last two never pre-train), first ${all?.cases ?? 0} users; 1 + ${s.negatives} uniformly sampled candidates (seed ${s.seed}, history excluded), ` +
      `scored by the log-likelihood of " <title> ;" after the user's ${s.windowItems - 1} most recent behaviours in any domain (the oldest dropped until prompt and candidate fit ${s.maxLen} tokens, as in training), in the pre-training template. Warm: target in a pre-training text the run read; cold: in none. ` +
      `Pre-training: ${pretrainCorpusText(r, s)}, ${s.steps} steps, ${s.trainable}. ` +
      (r.sftExamples > 0 ? `SFT: ${r.sftExamples} target-domain windows (answer-only loss), ${s.sftSteps} steps, from the initial model (sft) and from the CPT model (cprec+sft).` : 'SFT skipped.'),
  };
}

/** The WSA phases, where each starts, what it reads and its lr there. */
export function cprecScheduleTable(r: CprecResult, s: CprecSettings): ResultTable {
  return {
    id: 'cprec-schedule',
    title: 'CPRec: Warmup-Stable-Annealing phases and data sources',
    columns: ['Phase', 'First step', 'Source', 'lr at first step'],
    rows: r.plan.boundaries.map((b) => [b.phase, b.step, b.source, r.plan.lr[b.step - 1] ?? null]),
    protocol: `WSA: ${s.warmupFraction} warm-up, ${s.stableFraction} stable at ${s.peakLr}, ${s.decay} annealing to ${s.minLr}; ${r.plan.dataSwitchStep === null ? 'one data source throughout (no switch)' : `the data source switches at step ${r.plan.dataSwitchStep}`}.`,
  };
}
