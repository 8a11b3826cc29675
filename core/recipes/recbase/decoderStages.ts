/**
 * The decoder half of a run (§4.1, §6.1, Table 3): pre-train on the other domains' code
 * sequences, score the held-out domain zero-shot, fine-tune on that domain's training
 * interactions and score again. Every AUC is computed twice: on the scored leading levels
 * (`scoreLevels`) and on the whole ID, so the run never hides the paper's full-joint number.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { digestInts } from '../contentDigest';
import { TRAIN_EVERY_STAGE, type StageCheckpoints } from '../llm/stageCheckpoints';
import type { LmConfig } from '../../models/lm/config';
import { disposeWeights } from '../../models/lm/weights';
import { mixSeed } from '../../train/rng';
import { codeInitialisedWeights } from './codeEmbeddings';
import { codeLmConfig, trainCodeLm } from './codeLm';
import type { TrainHooks } from './codeLm';
import { pretrainExamples, targetExamples } from './codeSequences';
import type { ItemTokenizer } from './codeSequences';
import type { RecBaseConfig } from './config';
import { lmAuc, type ScoringHooks } from './evaluate';
import type { HeldOutData } from './heldOut';

/** Stage names the decoder half reports. */
export type DecoderStage = 'pretrain' | 'zero-shot' | 'fine-tune';

/** Run ids of the two trainings (LM events carry them). */
export const PRETRAIN_RUN = 'recbase-pretrain';
export const FINETUNE_RUN = 'recbase-finetune';

/** AUC on the scored levels and on the whole ID. */
export interface AucPair {
  readonly scored: number;
  readonly fullId: number;
}

/** What the decoder half returns; the caller disposes `weights` (the last decoder). */
export interface DecoderOutcome {
  readonly zeroShot: AucPair;
  readonly fineTuned: AucPair | null;
  readonly config: LmConfig;
  readonly weights: Map<string, tf.Tensor>;
}

/** Which decoder an evaluation scores. */
export type EvalPass = 'zero-shot' | 'fine-tuned';

/** Progress of one evaluation: cases scored of `total` (both scoring passes counted). */
export interface EvalProgress {
  readonly pass: EvalPass;
  readonly done: number;
  readonly total: number;
}

/** Hooks of the decoder half. */
export interface DecoderHooks extends TrainHooks {
  onStage?(stage: DecoderStage): void;
  /** Where the trained decoders are kept for a resume (default: none, both train). */
  stages?: StageCheckpoints;
  /** After every scored chunk, and once with done 0 when an evaluation starts. */
  onEvalProgress?(p: EvalProgress): void;
}

function checkCancelled(hooks: DecoderHooks): void {
  if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'RecBase run was cancelled');
}

/** Scoring hooks of one scoring pass of an evaluation; `before` cases were scored by earlier passes. */
function scoringHooks(hooks: DecoderHooks, pass: EvalPass, before: number, total: number): ScoringHooks {
  return {
    ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
    ...(hooks.yieldToEventLoop ? { yieldToEventLoop: hooks.yieldToEventLoop } : {}),
    onCases: (done) => hooks.onEvalProgress?.({ pass, done: before + done, total }),
  };
}

async function aucPair(config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, t: ItemTokenizer, data: HeldOutData, s: RecBaseConfig, pass: EvalPass, hooks: DecoderHooks): Promise<AucPair> {
  const levels = s.eval.scoreLevels;
  const scoresPrefix = levels !== 0 && levels <= t.ids.levels;
  const n = data.cases.length;
  const total = scoresPrefix ? 2 * n : n;
  hooks.onEvalProgress?.({ pass, done: 0, total });
  const fullId = await lmAuc(config, weights, t, data.cases, s.ar.windowItems, undefined, scoringHooks(hooks, pass, 0, total));
  if (!scoresPrefix) return { scored: fullId, fullId };
  return { scored: await lmAuc(config, weights, t, data.cases, s.ar.windowItems, levels, scoringHooks(hooks, pass, n, total)), fullId };
}

/** Pre-trains on `data.pretrain` from codebook-initialised weights of `quantiser`. */
async function pretrain(t: ItemTokenizer, quantiser: ReadonlyMap<string, tf.Tensor>, data: HeldOutData, s: RecBaseConfig, config: LmConfig, maxLen: number, hooks: DecoderHooks): Promise<Map<string, tf.Tensor>> {
  const ar = s.ar;
  const init = codeInitialisedWeights(config, quantiser, t.vocab, ar.codeEmbeddingInit, mixSeed(s.seed, 20));
  try {
    const schedule = { kind: 'wsa' as const, peak: ar.lr, totalSteps: ar.steps, warmupFraction: 0.05, stableFraction: 0.7 };
    const examples = pretrainExamples(t, data.pretrain, ar.windowItems);
    const stage = { runId: PRETRAIN_RUN, model: config, batchSize: ar.batchSize, maxLen, examples, schedule, steps: ar.steps, seed: mixSeed(s.seed, 21), base: init };
    return (await trainCodeLm(stage, hooks)).weights;
  } finally {
    disposeWeights(init);
  }
}

/** Fine-tunes `base` on the held-out domain's training interactions (targets in that domain only). */
async function fineTune(t: ItemTokenizer, base: ReadonlyMap<string, tf.Tensor>, data: HeldOutData, s: RecBaseConfig, config: LmConfig, maxLen: number, hooks: DecoderHooks): Promise<Map<string, tf.Tensor>> {
  const ar = s.ar;
  const inDomain = new Set(Array.from(data.domain.itemGlobal).slice(1));
  const examples = targetExamples(t, data.finetune, (g) => inDomain.has(g), ar.windowItems);
  const schedule = { kind: 'cosine' as const, peak: ar.fineTuneLr, warmupSteps: 0, totalSteps: ar.fineTuneSteps };
  const stage = { runId: FINETUNE_RUN, model: config, batchSize: ar.batchSize, maxLen, examples, schedule, steps: ar.fineTuneSteps, seed: mixSeed(s.seed, 22), base };
  return (await trainCodeLm(stage, hooks)).weights;
}

/** Runs pre-training, zero-shot scoring and (when fineTuneSteps > 0) fine-tuning and scoring. */
export async function runDecoderStages(t: ItemTokenizer, quantiser: ReadonlyMap<string, tf.Tensor>, data: HeldOutData, s: RecBaseConfig, hooks: DecoderHooks = {}): Promise<DecoderOutcome> {
  const maxLen = 1 + (s.ar.windowItems + 1) * (t.ids.levels + 1);
  const config = codeLmConfig(s.ar, t.vocab.size, maxLen);
  // A decoder is only valid for the IDs it was trained on: a resume re-fits the quantisers (seeded) and checks they agree.
  const stages = (hooks.stages ?? TRAIN_EVERY_STAGE).within(`ids ${digestInts(t.ids.ids)}`);
  hooks.onStage?.('pretrain');
  const pre = (await stages.through('decoder-pretrain', async () => ({ tensors: await pretrain(t, quantiser, data, s, config, maxLen, hooks) }))).tensors;
  try {
    checkCancelled(hooks);
    hooks.onStage?.('zero-shot');
    const zeroShot = await aucPair(config, pre, t, data, s, 'zero-shot', hooks);
    if (s.ar.fineTuneSteps <= 0) return { zeroShot, fineTuned: null, config, weights: pre };
    checkCancelled(hooks);
    hooks.onStage?.('fine-tune');
    const ft = (await stages.through('decoder-finetune', async () => ({ tensors: await fineTune(t, pre, data, s, config, maxLen, hooks) }))).tensors;
    try {
      checkCancelled(hooks);
      const fineTuned = await aucPair(config, ft, t, data, s, 'fine-tuned', hooks);
      disposeWeights(pre);
      return { zeroShot, fineTuned, config, weights: ft };
    } catch (e) {
      disposeWeights(ft);
      throw e;
    }
  } catch (e) {
    disposeWeights(pre);
    throw e;
  }
}
