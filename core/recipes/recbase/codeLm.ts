/**
 * The autoregressive model over concept IDs: a Qwen2-layout decoder (§5.4 "architectural
 * settings derived from Qwen2") at demo scale, whose vocabulary is the code vocabulary, trained
 * with the engine's LM runtime (core/train/lm: AdamW, WSA schedule, packing), in memory
 * (trainInMemory, shared with CPRec: no disk, the trained parameters are handed back).
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import type { LmTrainJob } from '../../train/lm/job';
import type { LmExample } from '../../train/lm/packing';
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import type { LrScheduleConfig } from '../../train/schedules';
import { trainInMemory } from '../../train/lm/trainInMemory';
import type { RecipeTrainHooks } from '../../train/lm/trainInMemory';
import type { ArSettings } from './config';

/** What a caller may observe and control while the decoder trains. */
export type TrainHooks = RecipeTrainHooks;

/** The decoder for a vocabulary of `vocabSize` tokens and sequences of ≤ maxLen tokens. */
export function codeLmConfig(s: Pick<ArSettings, 'hiddenSize' | 'layers' | 'heads'>, vocabSize: number, maxLen: number): LmConfig {
  return parseLmConfig({
    model_type: 'qwen2',
    vocab_size: vocabSize,
    hidden_size: s.hiddenSize,
    intermediate_size: 2 * s.hiddenSize,
    num_hidden_layers: s.layers,
    num_attention_heads: s.heads,
    num_key_value_heads: s.heads,
    max_position_embeddings: maxLen,
    tie_word_embeddings: true,
    bos_token_id: 1,
  });
}

/** One training stage: examples, schedule, steps; `base` continues from given weights (fine-tuning). */
export interface CodeLmStage {
  readonly runId: string;
  readonly model: LmConfig;
  readonly examples: readonly LmExample[];
  readonly schedule: LrScheduleConfig;
  readonly steps: number;
  readonly batchSize: number;
  readonly maxLen: number;
  readonly seed: number;
  readonly base?: ReadonlyMap<string, tf.Tensor>;
}

/** Trains a stage and returns the decoder weights (caller owns them) and the last loss. */
export async function trainCodeLm(st: CodeLmStage, hooks: TrainHooks = {}): Promise<{ weights: Map<string, tf.Tensor>; finalLoss: number | null }> {
  if (st.examples.length === 0) throw new RecForgeError('validation', `training stage ${st.runId} has no examples`);
  const job: LmTrainJob = {
    runId: st.runId,
    model: st.model,
    trainable: { kind: 'full' },
    base: { kind: 'random' }, // replaced by the provided weights when `base` is given
    sources: [sourceFromExamples('codes', st.examples)],
    schedule: st.schedule,
    seed: st.seed,
    steps: st.steps,
    batchSize: st.batchSize,
    maxLen: st.maxLen,
    packing: true,
  };
  const trained = await trainInMemory(job, hooks, st.base);
  return { weights: trained.tensors, finalLoss: trained.finalLoss };
}
