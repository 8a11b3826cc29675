/**
 * CPRec end to end (arXiv 2504.08949): register the domains, hold out the target domain's
 * valid/test behaviours, render the domain-specific and all-domain mixed corpora in one
 * domain-agnostic template (§4.3), continually pre-train with the WSA schedule — the easier corpus
 * through warm-up and stable, the mixed target windows while annealing (§4.4) — and rank the
 * target domain's next items by candidate scoring before and after pre-training, on all test
 * cases and split into warm (target in a text pre-training read) and cold (in none) targets; then
 * SFT from the initial model and from the CPT checkpoint (sft.ts), ranked the same way.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { buildCorpus, domainByName, type DomainSource, type MultiDomainCorpus } from '../../data/multidomain/corpus';
import { mixedSequences } from '../../data/multidomain/mixed';
import { dropLastPerUser } from '../../data/splits/filters';
import type { ProjectionDelta } from '../../models/lm/layers';
import { initLmWeights } from '../../models/lm/weights';
import { loraDelta } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import type { LmTrainJob } from '../../train/lm/job';
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import { mixSeed } from '../../train/rng';
import { behaviourExample } from './behaviourText';
import { phaseLines, targetItemsInLines } from './corpora';
import { fitPretrainLine } from './fitBehaviours';
import { cprecEvalSet, itemTitle, type CprecEvalSet } from './evalCases';
import { resolveModel, type RecipeModel, type ResolvedModel } from '../llm/modelSource';
import { rankCases, type RankMetrics } from '../llm/rankEval';
import { cprecSchedulePlan, type CprecSchedulePlan } from './schedulePlan';
import { linesRead, sourceLines } from './sourceLines';
import { cprecLora, cprecTrainable, type CprecSettings } from './settings';
import type { LmExample } from '../../train/lm/packing';
import type { TextTokenizer } from '../../text/tokenizer/types';
import { trainInMemory, type RecipeTrainHooks } from '../../train/lm/trainInMemory';
import { TRAIN_EVERY_STAGE, type StageCheckpoints } from '../llm/stageCheckpoints';
import { foldAdapter } from '../llm/mergedWeights';
import { fineTune, sftExamples } from './sft';

/** The domains of a CPRec run and the model to start from. */
export interface CprecData {
  readonly sources: readonly DomainSource[];
  readonly model: RecipeModel;
}

/** Metrics of one model on all test cases and per segment. */
export interface CprecEvaluation {
  readonly variant: 'initial' | 'cprec' | 'sft' | 'cprec+sft';
  readonly all: RankMetrics;
  readonly warm: RankMetrics;
  readonly cold: RankMetrics;
}

/** What a run returns. `weights` are the trained tensors (full weights or PEFT LoRA A/B); the caller disposes them. */
export interface CprecResult {
  readonly plan: CprecSchedulePlan;
  readonly corpus: { readonly stableExamples: number; readonly annealExamples: number };
  readonly finalLoss: number | null;
  /** initial, cprec, then (when sftSteps > 0) sft and cprec+sft. */
  readonly evaluations: readonly CprecEvaluation[];
  /** SFT examples (0 when SFT is skipped). */
  readonly sftExamples: number;
  readonly evalSet: CprecEvalSet;
  readonly model: ResolvedModel;
  readonly weights: Map<string, tf.Tensor>;
}

/** Training hooks plus the start of the ranking stage. */
export interface CprecHooks extends RecipeTrainHooks {
  onEvaluate?(): void;
  onSft?(): void;
  /** Where finished training stages are kept for a resume (default: none, every stage trains). */
  stages?: StageCheckpoints;
}

/** LM job id of continual pre-training. */
export const CPREC_CPT_RUN = 'cprec-cpt';

/** LM job ids (and chart series) of the two SFT stages. */
export const CPREC_SFT_RUNS = { fromInitial: 'sft (from initial)', fromCpt: 'sft (from CPT)' } as const;

/** The corpus with the target's last two behaviours per user removed (they are valid/test). */
function trainingCorpus(sources: readonly DomainSource[], target: string): MultiDomainCorpus {
  return buildCorpus(sources.map((s) => (s.name === target ? { ...s, rows: dropLastPerUser(s.rows, 2).rows } : s)));
}

/** The LM job of the pre-training stage. */
export function cprecJob(s: CprecSettings, model: ResolvedModel, sources: LmTrainJob['sources']): LmTrainJob {
  const plan = cprecSchedulePlan(s);
  return {
    runId: CPREC_CPT_RUN,
    model: model.config,
    trainable: cprecTrainable(s),
    sources,
    phases: plan.phases,
    schedule: plan.schedule,
    seed: s.seed,
    steps: s.steps,
    batchSize: s.batchSize,
    maxLen: s.maxLen,
    padId: model.tokenizer.padId,
  };
}

/** Ranks the cases with `weights` (plus an optional LoRA delta), all and per segment. */
async function evaluate(variant: CprecEvaluation['variant'], model: ResolvedModel, weights: ReadonlyMap<string, tf.Tensor>, ev: CprecEvalSet, delta?: ProjectionDelta): Promise<CprecEvaluation> {
  const rank = (seg: 'warm' | 'cold' | null): Promise<RankMetrics> => rankCases(model.config, weights, ev.cases.filter((_, i) => seg === null || ev.segments[i] === seg), delta);
  return { variant, all: await rank(null), warm: await rank('warm'), cold: await rank('cold') };
}

/** The start weights of a from-scratch model: the training session's init stream, so the same run re-creates them exactly (the base a LoRA adapter applies to). */
export function scratchStartWeights(model: ResolvedModel, s: CprecSettings): Map<string, tf.Tensor> {
  return initLmWeights(model.config, mixSeed(s.seed, 1));
}

/** The stable and annealing lines, each cut to the newest behaviours whose text fits maxLen. */
export function pretrainLines(corpus: MultiDomainCorpus, target: number, tok: TextTokenizer, s: CprecSettings): { stable: number[][]; anneal: number[][] } {
  const lines = phaseLines(corpus, target, s.windowItems, s);
  const fit = (ls: number[][]): number[][] => ls.map((l) => fitPretrainLine(tok, l, (it) => itemTitle(corpus, it), s.maxLen));
  return { stable: fit(lines.stable), anneal: fit(lines.anneal) };
}

/** The CPT stage (restored when a resumed run finished it): trained tensors and the final loss. */
async function continualPretraining(job: LmTrainJob, model: ResolvedModel, hooks: CprecHooks): Promise<{ tensors: Map<string, tf.Tensor>; finalLoss: number | null }> {
  const stages = hooks.stages ?? TRAIN_EVERY_STAGE;
  const out = await stages.through('cpt', async () => {
    const t = await trainInMemory(job, hooks, model.weights ?? undefined);
    return { tensors: t.tensors, note: JSON.stringify({ finalLoss: t.finalLoss }) };
  });
  const note = JSON.parse(out.note ?? '{}') as { finalLoss?: number | null };
  return { tensors: out.tensors, finalLoss: note.finalLoss ?? null };
}

/** Runs CPRec: continual pre-training, then next-item ranking on the target domain. */
export async function runCprec(data: CprecData, s: CprecSettings, hooks: CprecHooks = {}): Promise<CprecResult> {
  const full = buildCorpus(data.sources);
  const target = domainByName(full, s.targetDomain);
  const model = resolveModel(data.model, full.items.map((_, i) => itemTitle(full, i + 1)));
  const corpus = trainingCorpus(data.sources, s.targetDomain);
  const lines = pretrainLines(corpus, target.index, model.tokenizer, s);
  if (lines.stable.length === 0 || lines.anneal.length === 0) throw new RecForgeError('validation', 'CPRec needs behaviours in both pre-training corpora', { file: 'cprec', field: 'sources' });
  const render = (ls: readonly number[][]): LmExample[] => ls.map((l) => behaviourExample(model.tokenizer, l.map((it) => itemTitle(corpus, it))));
  const bySource = sourceLines(s, lines);
  const sources = bySource.map((src) => sourceFromExamples(src.name, render(src.lines)));
  const trainedItems = targetItemsInLines(corpus, s.targetDomain, linesRead(bySource, cprecSchedulePlan(s).phases, s));
  const evalSet = cprecEvalSet(full, mixedSequences(full), target, model.tokenizer, { negatives: s.negatives, seed: s.seed, historyItems: s.windowItems - 1, maxLen: s.maxLen, maxCases: s.maxEvalCases, trainedItems });
  const trained = await continualPretraining(cprecJob(s, model, sources), model, hooks);
  const startWeights = model.weights ?? scratchStartWeights(model, s);
  try {
    const tuned = await evaluateAll(s, model, startWeights, trained.tensors, evalSet, sftExamples(corpus, target.index, model.tokenizer, s.windowItems, s.maxLen), hooks);
    return { plan: cprecSchedulePlan(s), corpus: { stableExamples: lines.stable.length, annealExamples: lines.anneal.length }, finalLoss: trained.finalLoss, ...tuned, evalSet, model, weights: trained.tensors };
  } catch (err) {
    tf.dispose([...trained.tensors.values()]);
    throw err;
  } finally {
    if (model.weights === null) tf.dispose([...startWeights.values()]);
  }
}

/** The CPT model as full weights: the trained ones, or the base with the CPT adapter folded in. */
function cptModel(s: CprecSettings, start: ReadonlyMap<string, tf.Tensor>, trained: ReadonlyMap<string, tf.Tensor>): { weights: ReadonlyMap<string, tf.Tensor>; delta?: ProjectionDelta; owned: tf.Tensor[] } {
  if (s.trainable === 'full') return { weights: trained, owned: [] };
  const adapter = { config: defaultLoraConfig(cprecLora(s)), tensors: new Map(trained) };
  const folded = foldAdapter(start, adapter);
  return { weights: folded.weights, delta: loraDelta(adapter), owned: [...folded.owned] };
}

/** Ranks initial and CPT models, then SFT from each (when sftSteps > 0). */
async function evaluateAll(s: CprecSettings, model: ResolvedModel, start: ReadonlyMap<string, tf.Tensor>, trained: ReadonlyMap<string, tf.Tensor>, ev: CprecEvalSet, sft: readonly LmExample[], hooks: CprecHooks): Promise<{ evaluations: CprecEvaluation[]; sftExamples: number }> {
  const cpt = cptModel(s, start, trained);
  try {
    hooks.onEvaluate?.();
    const evaluations = [await evaluate('initial', model, start, ev), await evaluate('cprec', model, s.trainable === 'full' ? trained : start, ev, cpt.delta)];
    if (s.sftSteps === 0 || sft.length === 0) return { evaluations, sftExamples: 0 };
    hooks.onSft?.();
    for (const [variant, from, runId, stage] of [['sft', start, CPREC_SFT_RUNS.fromInitial, 'sft-initial'], ['cprec+sft', cpt.weights, CPREC_SFT_RUNS.fromCpt, 'sft-cpt']] as const) {
      const tuned = await fineTune(runId, s, model, from, sft, hooks, stage, hooks.stages);
      try {
        evaluations.push(await evaluate(variant, model, tuned.weights, ev, tuned.delta));
      } finally {
        tuned.dispose();
      }
    }
    return { evaluations, sftExamples: sft.length };
  } finally {
    tf.dispose(cpt.owned);
  }
}
