/**
 * CPRec's second stage (§4.5: continual pre-training, then SFT): supervised fine-tuning on
 * target-domain next-item examples — the user's recent behaviours in any domain, then the next
 * target-domain item — loss on the answer only, in the pre-training template, so the tuned model
 * is ranked exactly as it was trained. It runs twice, from the initial model ('sft') and from the
 * CPT checkpoint ('cprec+sft'): the difference is what continual pre-training adds.
 */
import * as tf from '@tensorflow/tfjs';
import type { MultiDomainCorpus } from '../../data/multidomain/corpus';
import type { ProjectionDelta } from '../../models/lm/layers';
import { loraDelta } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { LmExample } from '../../train/lm/packing';
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import { trainInMemory, type RecipeTrainHooks } from '../../train/lm/trainInMemory';
import type { ResolvedModel } from '../llm/modelSource';
import { TRAIN_EVERY_STAGE, type StageCheckpoints } from '../llm/stageCheckpoints';
import { behaviourText, candidateText, encodeWithBos } from './behaviourText';
import { mixedTargetLines } from './corpora';
import { fitHistory } from './fitBehaviours';
import { itemTitle } from './evalCases';
import { cprecLora, cprecTrainable, type CprecSettings } from './settings';

/** A model to rank with: weights, plus the LoRA delta when the stage trained an adapter. */
export interface TunedModel {
  readonly weights: ReadonlyMap<string, tf.Tensor>;
  readonly delta?: ProjectionDelta;
  /** Frees what the stage created (never the weights it started from). */
  dispose(): void;
}

/**
 * Training windows of the target domain (held-out behaviours already removed) as answer-only
 * examples of at most maxLen tokens: the history loses its oldest whole behaviours, as prompts do.
 */
export function sftExamples(corpus: MultiDomainCorpus, target: number, tok: TextTokenizer, windowItems: number, maxLen: number): LmExample[] {
  return mixedTargetLines(corpus, target, windowItems).map((line) => {
    const titles = line.map((it) => itemTitle(corpus, it));
    const answer = tok.encode(candidateText(titles[titles.length - 1] ?? ''));
    const prompt = encodeWithBos(tok, behaviourText(fitHistory(tok, titles.slice(0, -1), answer.length, maxLen)));
    return { tokens: [...prompt, ...answer], promptLength: prompt.length };
  });
}

/**
 * Fine-tunes from `start` (full weights, owned by the caller) with the run's trainable kind; a
 * resumed run restores the stage `stage` when it finished before.
 */
export async function fineTune(runId: string, s: CprecSettings, model: ResolvedModel, start: ReadonlyMap<string, tf.Tensor>, examples: readonly LmExample[], hooks: RecipeTrainHooks, stage: string, stages: StageCheckpoints = TRAIN_EVERY_STAGE): Promise<TunedModel> {
  const job = {
    runId,
    model: model.config,
    trainable: cprecTrainable(s),
    sources: [sourceFromExamples(runId, examples)],
    schedule: { kind: 'cosine', peak: s.sftLr, warmupSteps: Math.max(1, Math.round(0.05 * s.sftSteps)), totalSteps: s.sftSteps } as const,
    seed: s.seed,
    steps: s.sftSteps,
    batchSize: s.batchSize,
    maxLen: s.maxLen,
    padId: model.tokenizer.padId,
  };
  const trained = await stages.through(stage, async () => ({ tensors: (await trainInMemory(job, hooks, start)).tensors }));
  const dispose = (): void => tf.dispose([...trained.tensors.values()]);
  if (s.trainable === 'full') return { weights: trained.tensors, dispose };
  return { weights: start, delta: loraDelta({ config: defaultLoraConfig(cprecLora(s)), tensors: trained.tensors }), dispose };
}
