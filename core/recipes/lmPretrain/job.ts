/**
 * From settings and an encoded corpus to the decoder config and the LmTrainJob that pretrains it:
 * full weights from a random init, AdamW under a WSA schedule, with the run's data phases named
 * after the schedule (warmup / stable / anneal, all on the one corpus) so charts show where the
 * lr changes.
 */
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import type { LmSource, LmTrainJob } from '../../train/lm/job';
import { wsaDataPhases } from '../../train/lm/phases';
import type { LrScheduleConfig } from '../../train/schedules';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { LmPretrainSettings } from './settings';

/** The Qwen2-style decoder of a run; vocab and special ids come from the trained tokenizer. */
export function pretrainLmConfig(s: LmPretrainSettings, tok: TextTokenizer): LmConfig {
  return parseLmConfig({
    model_type: 'qwen2',
    vocab_size: tok.vocabSize,
    hidden_size: s.hidden,
    intermediate_size: s.intermediate,
    num_hidden_layers: s.layers,
    num_attention_heads: s.heads,
    num_key_value_heads: s.kvHeads,
    max_position_embeddings: s.maxLen,
    rope_theta: 10000, // short contexts; Qwen2's 1e6 is for 32k tokens
    rms_norm_eps: 1e-6,
    tie_word_embeddings: true, // the embedding is most of a tiny model; tying halves it
    eos_token_id: tok.eosId,
    ...(tok.bosId === undefined ? {} : { bos_token_id: tok.bosId }),
  }, 'LM pretraining settings');
}

/** The WSA schedule of a run. */
export function pretrainSchedule(s: LmPretrainSettings): Extract<LrScheduleConfig, { kind: 'wsa' }> {
  return { kind: 'wsa', peak: s.peakLr, minLr: s.minLr, totalSteps: s.steps, warmupFraction: s.warmupFraction, stableFraction: s.stableFraction, decay: 'cosine' };
}

/** What buildPretrainJob needs besides the settings. */
export interface PretrainJobParts {
  readonly runId: string;
  readonly model: LmConfig;
  readonly train: LmSource;
  readonly padId: number;
  readonly resume: boolean;
}

/** The LM training job of a pretraining run. */
export function buildPretrainJob(s: LmPretrainSettings, parts: PretrainJobParts): LmTrainJob {
  const schedule = pretrainSchedule(s);
  return {
    runId: parts.runId,
    model: parts.model,
    trainable: { kind: 'full' },
    base: { kind: 'random', std: s.initStd },
    sources: [parts.train],
    phases: wsaDataPhases(schedule, parts.train.name, parts.train.name),
    schedule,
    optimizer: { weightDecay: s.weightDecay },
    seed: s.seed,
    steps: s.steps,
    batchSize: s.batchSize,
    maxLen: s.maxLen,
    packing: s.packing,
    clipNorm: s.clipNorm,
    checkpointEvery: s.checkpointEvery,
    padId: parts.padId,
    resume: parts.resume,
  };
}
