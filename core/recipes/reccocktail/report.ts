/**
 * What a RecCocktail run reports: per variant (pretrained, base, ingredient, average, grid,
 * merged) warm and cold test metrics with protocol and chance; the grid λ and the entropy λ as
 * metrics; and two tables — variants side by side, and the λ curve (validation, warm, cold,
 * entropy per grid λ) the studio draws.
 */
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { rankMetricRecords, type RankProtocol } from '../llm/metricRecords';
import type { RankMetrics } from '../llm/rankEval';
import type { PreparedRecCocktail } from './prepare';
import type { RecCocktailResult, VariantEvaluation } from './runRecCocktail';
import type { RecCocktailSettings } from './settings';

/** Protocols of the three case sets. */
export interface CocktailProtocols {
  readonly valid: RankProtocol;
  readonly warm: RankProtocol;
  readonly cold: RankProtocol;
}

/** The protocol of each case set of a prepared run. */
export function cocktailProtocols(p: PreparedRecCocktail, s: RecCocktailSettings): CocktailProtocols {
  const common = { excludeHistory: true, domain: p.target.name, negatives: s.negatives, seed: s.seed } as const;
  return {
    valid: { ...common, split: 'leave-one-out', target: 'valid', segment: 'warm' },
    warm: { ...common, split: 'leave-one-out', target: 'test', segment: 'warm' },
    cold: { ...common, split: 'cold-item', target: 'test', segment: 'cold' },
  };
}

/** A chosen λ as a metric: the cases it was chosen on (labelled validation, or unlabeled test prompts). */
function lambdaMetric(value: number, variant: string, p: RankProtocol, users: number): MetricRecord {
  const { negatives, seed, ...rest } = p;
  return { name: 'lambda', k: null, value, variant, protocol: { ...rest, candidates: { kind: 'sampled', negatives, sampler: 'uniform', seed }, users } };
}

/** Valid ratio (free generation; no chance level) and HR@1 of generation among the candidates (chance 1/(1 + N)). */
function generationMetricRecords(r: RecCocktailResult, pr: CocktailProtocols): MetricRecord[] {
  return r.generation.flatMap((g) =>
    (['warm', 'cold'] as const).flatMap((seg) => {
      const { negatives, seed, ...rest } = pr[seg];
      const protocol = { ...rest, candidates: { kind: 'sampled', negatives, sampler: 'uniform', seed } as const, users: g[seg].cases };
      return [
        { name: 'ValidRatio', k: null, value: g[seg].validRatio, protocol, variant: g.variant },
        { name: 'GenHR', k: 1, value: g[seg].constrainedHit, protocol: { ...protocol, chance: 1 / (negatives + 1) }, variant: g.variant },
      ];
    }),
  );
}

/** Free and constrained generation per variant and scenario. */
export function generationTable(r: RecCocktailResult, s: RecCocktailSettings): ResultTable {
  return {
    id: 'reccocktail-generation',
    title: 'RecCocktail: generating the next title (free: valid ratio; among the candidates: HR@1)',
    columns: ['Variant', 'Warm valid ratio', 'Warm gen HR@1', 'Cold valid ratio', 'Cold gen HR@1'],
    rows: r.generation.map((g) => [g.variant, f4(g.warm.validRatio), f4(g.warm.constrainedHit), f4(g.cold.validRatio), f4(g.cold.constrainedHit)]),
    protocol:
      `First ${s.generationCases} test cases per scenario. Free: greedy decoding after the prompt until EOS; valid = the text is a ${r.prepared.target.name} item. ` +
      `Among the candidates: greedy decoding restricted to the 1 + ${s.negatives} candidates' token trie (chance HR@1 ${f4(1 / (s.negatives + 1))}). Merged: each scenario at its entropy λ.`,
  };
}

/** Warm and cold test metrics of every variant, plus both chosen λs. */
export function cocktailMetrics(r: RecCocktailResult, pr: CocktailProtocols): MetricRecord[] {
  const out: MetricRecord[] = [];
  for (const v of r.variants) out.push(...rankMetricRecords(v.evaluation.warm, pr.warm, v.variant), ...rankMetricRecords(v.evaluation.cold, pr.cold, v.variant));
  out.push(...generationMetricRecords(r, pr));
  out.push(lambdaMetric(r.sweep.gridBest.lambda, 'grid', pr.valid, r.sweep.gridBest.valid.cases));
  // Each scenario's λ was chosen on its own unlabeled test prompts.
  out.push(lambdaMetric(r.sweep.entropyBest.warm.lambda, 'merged', pr.warm, r.playground.sets.entropy.warm.length));
  out.push(lambdaMetric(r.sweep.entropyBest.cold.lambda, 'merged', pr.cold, r.playground.sets.entropy.cold.length));
  return out;
}

const f4 = (x: number): number => Math.round(x * 1e4) / 1e4;
const cells = (m: RankMetrics): number[] => [f4(m.ndcg[1] ?? 0), f4(m.ndcg[3] ?? 0), f4(m.hr[3] ?? 0), f4(m.mrr)];

function protocolText(r: RecCocktailResult, s: RecCocktailSettings): string {
  const p = r.prepared;
  const warm = r.variants[0]?.evaluation.warm;
  const chance = warm ? `chance NDCG@1 ${f4(warm.chance.ndcg[1] ?? 0)}, NDCG@3 ${f4(warm.chance.ndcg[3] ?? 0)}, HR@3 ${f4(warm.chance.hr[3] ?? 0)}, MRR ${f4(warm.chance.mrr)}` : '';
  return (
    `Target ${p.target.name}; 1 + ${s.negatives} uniformly sampled candidates (seed ${s.seed}, history excluded), scored by the log-likelihood of " <title>" + EOS; ${chance}. ` +
    `Warm: last warm behaviour of ${p.sets.warm.length} sampled users (validation: the one before). Cold: ${p.sets.cold.length} cases whose target is one of ${p.scenarios.coldItems.length} new items (${s.coldStrategy}, ${s.coldFraction} of items), never in training. ` +
    (s.fewShotUsers < 1 ? `Few-shot ingredient: ${s.fewShotUsers * 100} % of the target's training users (${p.corpora.target.length} examples). ` : '') +
    `λ weights the base spirit (ingredient 1 − λ, ${s.mergeMode} merge). Grid λ ${r.sweep.gridBest.lambda}: best validation MRR. Merged: per scenario, the λ of lowest mean ${s.entropyObjective} entropy over its unlabeled test prompts — warm λ ${r.sweep.entropyBest.warm.lambda} (${r.playground.sets.entropy.warm.length} prompts), cold λ ${r.sweep.entropyBest.cold.lambda} (${r.playground.sets.entropy.cold.length} prompts).`
  );
}

/** A variant's λ as a table cell: none, one, or "warm / cold". */
function lambdaCell(l: VariantEvaluation['lambda']): number | string | null {
  return l === null || typeof l === 'number' ? l : `${l.warm} / ${l.cold}`;
}

/** Variants side by side. */
export function variantsTable(r: RecCocktailResult, s: RecCocktailSettings): ResultTable {
  return {
    id: 'reccocktail-variants',
    title: 'RecCocktail: base spirit, ingredient and cocktails on warm and cold items',
    columns: ['Variant', 'λ', 'Warm NDCG@1', 'Warm NDCG@3', 'Warm HR@3', 'Warm MRR', 'Cold NDCG@1', 'Cold NDCG@3', 'Cold HR@3', 'Cold MRR'],
    rows: r.variants.map((v) => [v.variant, lambdaCell(v.lambda), ...cells(v.evaluation.warm), ...cells(v.evaluation.cold)]),
    protocol: protocolText(r, s),
  };
}

/** The λ curve: validation and test ranks and the unlabeled-prompt entropy at every grid λ. */
export function lambdaTable(r: RecCocktailResult, s: RecCocktailSettings): ResultTable {
  return {
    id: 'reccocktail-lambda',
    title: 'RecCocktail: λ grid (validation) vs entropy guidance (unlabeled prompts)',
    columns: ['λ', 'Valid MRR', 'Valid NDCG@1', 'Warm NDCG@1', 'Cold NDCG@1', 'Warm entropy', 'Cold entropy'],
    rows: r.sweep.grid.map((g, i) => [g.lambda, f4(g.valid.mrr), f4(g.valid.ndcg[1] ?? 0), f4(g.warm.ndcg[1] ?? 0), f4(g.cold.ndcg[1] ?? 0), f4(r.sweep.entropies.warm[i]?.entropy ?? NaN), f4(r.sweep.entropies.cold[i]?.entropy ?? NaN)]),
    protocol: protocolText(r, s),
  };
}
