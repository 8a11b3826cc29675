/**
 * What a RecCocktail run reports: per variant (pretrained, base, ingredient, average, grid,
 * merged) warm and cold test metrics with protocol and chance; the grid λ and the entropy λ as
 * metrics; and tables — variants side by side, the λ curve (validation, warm, cold, entropy per
 * grid λ) the studio draws, and the entropy-guided λ search per scenario (grid minimum vs gradient).
 */
import type { MetricRecord } from '../../protocol/dto';
import type { ResultTable } from '../../protocol/recipeRun';
import { rankMetricRecords, type RankProtocol } from '../llm/metricRecords';
import type { RankMetrics } from '../llm/rankEval';
import type { PreparedRecCocktail } from './prepare';
import type { RecCocktailResult, VariantEvaluation } from './runRecCocktail';
import type { RecCocktailSettings } from './settings';
import { meanLambda, type CocktailLambda } from './cocktail';
import { entropyLambdas, gridLambdas } from './sweep';

/** Protocols of the three case sets. */
export interface CocktailProtocols {
  readonly valid: RankProtocol;
  readonly warm: RankProtocol;
  readonly cold: RankProtocol;
  /** The new items set aside for validation. */
  readonly coldValid: RankProtocol;
}

/** The protocol of each case set of a prepared run. */
export function cocktailProtocols(p: PreparedRecCocktail, s: RecCocktailSettings): CocktailProtocols {
  const common = { excludeHistory: true, domain: p.target.name, negatives: s.negatives, seed: s.seed } as const;
  return {
    valid: { ...common, split: 'leave-one-out', target: 'valid', segment: 'warm' },
    warm: { ...common, split: 'leave-one-out', target: 'test', segment: 'warm' },
    cold: { ...common, split: 'cold-item', target: 'test', segment: 'cold' },
    coldValid: { ...common, split: 'cold-item', target: 'valid', segment: 'cold' },
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
  if (r.sweep.coldGridBest) out.push(lambdaMetric(r.sweep.coldGridBest.lambda, 'grid', pr.coldValid, r.sweep.coldGridBest.valid.cases));
  // Each scenario's λ was chosen on its own unlabeled test prompts (per-layer λ: their mean).
  const chosen = entropyLambdas(r.sweep);
  const prompts = r.playground.sets.entropy;
  for (const seg of ['warm', 'cold'] as const) {
    out.push(lambdaMetric(meanLambda(chosen[seg]), 'merged', pr[seg], prompts[seg].length));
    if (r.sweep.entropyGradient) out.push(lambdaMetric(r.sweep.entropyBest[seg].lambda, 'entropy-grid', pr[seg], prompts[seg].length));
  }
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
    scenarioText(p, s) +
    `Zero-shot rows: pretrained (no adapter) and base (the base spirit never trains on ${p.target.name}: the paper's zero-shot RecCocktail-G). ` +
    `${coldValidText(r)}λ weights the base spirit (ingredient 1 − λ, ${s.mergeMode} merge). ${gridText(r)} ${mergedText(r, s)}`
  );
}

/** What a prepared run's warm and cold test cases are, the part of the protocol the scenario split decides. */
type ScenarioCasesOf = {
  readonly sets: { readonly warm: readonly unknown[]; readonly cold: readonly unknown[] };
  readonly scenarios: { readonly cold: { readonly test: { readonly target: Int32Array } } };
  readonly corpora: { readonly target: readonly unknown[] };
};

/** Distinct targets of the cold test cases (case k is the split's test case k; the cold validation items are never among them). */
export function coldTestTargets(p: Pick<ScenarioCasesOf, 'sets' | 'scenarios'>): number {
  return new Set(p.scenarios.cold.test.target.subarray(0, p.sets.cold.length)).size;
}

/** A share as a percentage without float noise (0.3 → "30", not "30.000000000000004"). */
const percent = (share: number): string => String(Math.round(share * 1e4) / 1e2);

/** The warm, cold and few-shot sentences of the protocol. */
export function scenarioText(p: ScenarioCasesOf, s: Pick<RecCocktailSettings, 'coldStrategy' | 'coldFraction' | 'fewShotUsers'>): string {
  const warm = `Warm: last warm behaviour of ${p.sets.warm.length} sampled users (validation: the one before). `;
  const cold = `Cold: ${p.sets.cold.length} cases whose target is one of ${coldTestTargets(p)} new items (${s.coldStrategy}, ${s.coldFraction} of items), never in training. `;
  const fewShot = s.fewShotUsers < 1 ? `Few-shot ingredient: ${percent(s.fewShotUsers)} % of the target's training users (${p.corpora.target.length} examples). ` : '';
  return warm + cold + fewShot;
}

/** The cold validation slice, when there is one. */
function coldValidText(r: RecCocktailResult): string {
  const p = r.prepared.scenarios;
  const n = r.playground.sets.coldValid?.length ?? 0;
  return n === 0 ? '' : `Cold validation: ${n} cases whose targets are ${p.coldValidItems.length} other new items (never test targets, never trained on). `;
}

/** How the grid variant's λ was chosen. */
function gridText(r: RecCocktailResult): string {
  const c = r.sweep.coldGridBest;
  return c ? `Grid: best validation MRR per scenario — warm λ ${r.sweep.gridBest.lambda} (warm validation), cold λ ${c.lambda} (cold validation).` : `Grid λ ${r.sweep.gridBest.lambda}: best validation MRR.`;
}

/** How the merged variant's λs were found. */
function mergedText(r: RecCocktailResult, s: RecCocktailSettings): string {
  const e = r.sweep.entropyBest;
  const prompts = `${r.playground.sets.entropy.warm.length} / ${r.playground.sets.entropy.cold.length} unlabeled test prompts`;
  const grid = `the λ of lowest mean ${s.entropyObjective} entropy (k = ${s.firstTokens}) on the grid — warm ${e.warm.lambda}, cold ${e.cold.lambda} (${prompts})`;
  const g = r.sweep.entropyGradient;
  if (!g) return `Merged: per scenario, ${grid}.`;
  return `Entropy-grid: per scenario, ${grid}. Merged: from there, ${s.lambdaSteps} Adam steps (lr ${s.lambdaLr}) on λ = sigmoid(θ), ${s.lambdaScope}, minimising the same entropy — warm λ ${lambdaText(g.warm.lambda)}, cold λ ${lambdaText(g.cold.lambda)}.`;
}

const lambdaText = (l: CocktailLambda): string => (typeof l === 'number' ? l.toFixed(3) : `[${l.map((x) => x.toFixed(3)).join(', ')}]`);

/** A variant's λ as a table cell: none, one, or "warm / cold" (per-layer λ as a list). */
function lambdaCell(l: VariantEvaluation['lambda']): number | string | null {
  return l === null || typeof l === 'number' ? l : `${lambdaText(l.warm)} / ${lambdaText(l.cold)}`;
}

/**
 * Why the new-item entropy λ follows the warm one when it does: with a template that does not list
 * the candidates and an entropy of free first tokens, a new-item prompt is a history of warm items
 * like any warm prompt (only its hidden target is new), so nothing unlabeled tells the scenarios apart.
 */
export function coldEntropyNote(s: Pick<RecCocktailSettings, 'template' | 'entropyObjective'>): string {
  const listsCandidates = s.template === '' || s.template.includes('{candidates}');
  if (listsCandidates || s.entropyObjective !== 'first-tokens') return '';
  return ' New-item prompts here read only a history of warm items, like warm prompts, so their entropy λ cannot tell new items apart; for them the validation-grid λ (cold validation slice) is the informed choice.';
}

/** Per scenario: the entropy grid's minimum, the gradient search from it, and the validation-grid λ for reference. */
export function lambdaSearchTable(r: RecCocktailResult, s: RecCocktailSettings): ResultTable {
  const g = r.sweep.entropyGradient;
  return {
    id: 'reccocktail-lambda-search',
    title: 'RecCocktail: entropy-guided λ — grid minimum vs gradient search',
    columns: ['Scenario', 'Validation-grid λ', 'Entropy-grid λ', 'Grid entropy', 'Gradient λ', 'Per-layer λ', 'Gradient entropy', 'Steps'],
    rows: (['warm', 'cold'] as const).map((seg) => {
      const e = r.sweep.entropyBest[seg];
      const gs = g?.[seg];
      const layers = gs && typeof gs.lambda !== 'number' ? lambdaText(gs.lambda) : null;
      return [seg, gridLambdas(r.sweep)[seg], e.lambda, f4(e.entropy), gs ? f4(meanLambda(gs.lambda)) : null, layers, gs ? f4(gs.entropy) : null, gs ? gs.trace.length - 1 : null];
    }),
    protocol: `${mergedText(r, s)} ${gridText(r)} Gradient λ of a per-layer search: the mean of its layers.${coldEntropyNote(s)}`,
  };
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
    columns: ['λ', 'Valid MRR', 'Valid NDCG@1', 'Warm NDCG@1', 'Cold NDCG@1', 'Warm entropy', 'Cold entropy', 'Cold valid MRR', 'Cold valid NDCG@1'],
    rows: r.sweep.grid.map((g, i) => [
      g.lambda, f4(g.valid.mrr), f4(g.valid.ndcg[1] ?? 0), f4(g.warm.ndcg[1] ?? 0), f4(g.cold.ndcg[1] ?? 0), f4(r.sweep.entropies.warm[i]?.entropy ?? NaN), f4(r.sweep.entropies.cold[i]?.entropy ?? NaN),
      g.coldValid ? f4(g.coldValid.mrr) : null, g.coldValid ? f4(g.coldValid.ndcg[1] ?? 0) : null,
    ]),
    protocol: protocolText(r, s),
  };
}
