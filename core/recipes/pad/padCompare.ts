/**
 * PAD vs SASRec on one cold-item split over several seeds (acceptance: PAD better on cold items,
 * not worse on warm items beyond the seed-to-seed spread). Both models see the same split, the same
 * warm-only sampler and the same candidate sets (drawn once, see padCandidates); the baseline
 * trains for PAD's total epochs.
 */
import { drawPadCandidates, type PadCandidates } from './padCandidates';
import type { PadHooks } from './padLoop';
import { evaluateWarmCold, type PadEvalSettings, type PadMetric } from './padEval';
import { padEval, type PadSettings } from './settings';
import { trainPad, trainSasrecBaseline, type PadData, type TrainedScorer } from './trainPad';

/** The two models of the comparison. */
export type PadModel = 'pad' | 'sasrec';

/** Metrics of one seed. */
export interface SeedResult {
  readonly seed: number;
  readonly pad: PadMetric[];
  readonly sasrec: PadMetric[];
  readonly gates?: { readonly frequent: number[]; readonly cold: number[] };
}

/** Mean and sample standard deviation (n − 1; 0 for one seed) over seeds of one metric. */
export interface Summary {
  readonly model: PadModel;
  readonly segment: 'warm' | 'cold';
  readonly metric: string;
  readonly mean: number;
  readonly std: number;
}

/** Hooks per model and seed (so a host can name a loss series after both). */
export type HooksFor = (model: PadModel, seed: number) => PadHooks;

async function evaluateAndFree(m: TrainedScorer, data: PadData, candidates: PadCandidates, s: PadSettings, hooks: PadHooks): Promise<PadMetric[]> {
  try {
    hooks.onEvaluate?.();
    return await evaluateWarmCold(data.split, candidates, m.scorer, s.maxLen, padEval(s), hooks.yieldToEventLoop?.bind(hooks));
  } finally {
    m.dispose();
  }
}

/** Trains and evaluates PAD, then SASRec, with `seed`, on `candidates` (drawn with `s`'s evaluation knobs). */
export async function compareOneSeed(data: PadData, candidates: PadCandidates, s: PadSettings, seed: number, hooksFor: HooksFor = () => ({})): Promise<SeedResult> {
  const settings = { ...s, seed };
  const padHooks = hooksFor('pad', seed);
  const padModel = await trainPad(data, settings, padHooks);
  const gates = padModel.gateSummary;
  const pad = await evaluateAndFree(padModel, data, candidates, settings, padHooks);
  const baseHooks = hooksFor('sasrec', seed);
  const sasrec = await evaluateAndFree(await trainSasrecBaseline(data, settings, baseHooks), data, candidates, settings, baseHooks);
  return { seed, pad, sasrec, ...(gates ? { gates } : {}) };
}

/** Every seed of `seeds`, then the summary; `e` overrides the settings' evaluation knobs. */
export async function comparePadToSasrec(data: PadData, s: PadSettings, seeds: readonly number[], e?: PadEvalSettings, hooksFor?: HooksFor): Promise<{ seeds: SeedResult[]; summary: Summary[] }> {
  const settings = e === undefined ? s : { ...s, negatives: e.negatives, k: e.k, maxEvalCases: e.maxCases, evalSeed: e.seed };
  const candidates = drawPadCandidates(data.split, data.coldItems, padEval(settings));
  const results: SeedResult[] = [];
  for (const seed of seeds) results.push(await compareOneSeed(data, candidates, settings, seed, hooksFor));
  return { seeds: results, summary: summarise(results) };
}

/** "HR@10", "MRR". */
export function metricKey(m: Pick<PadMetric, 'name' | 'k'>): string {
  return m.k === null ? m.name : `${m.name}@${m.k}`;
}

/** Mean and sample standard deviation of values. */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const ss = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, std: values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0 };
}

/** Mean ± std per (model, segment, metric). */
export function summarise(results: readonly SeedResult[]): Summary[] {
  const groups = new Map<string, { model: PadModel; segment: 'warm' | 'cold'; metric: string; values: number[] }>();
  for (const r of results) {
    for (const model of ['pad', 'sasrec'] as const) {
      for (const m of r[model]) {
        const key = `${model}|${m.protocol.segment}|${metricKey(m)}`;
        const g = groups.get(key) ?? { model, segment: m.protocol.segment, metric: metricKey(m), values: [] };
        g.values.push(m.value);
        groups.set(key, g);
      }
    }
  }
  return [...groups.values()].map(({ values, ...rest }) => ({ ...rest, ...meanStd(values) }));
}
