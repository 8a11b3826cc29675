/**
 * Stage 1 — ReLLa's instruction tuning (ReLLaX §3.1; ReLLaX then loads this LoRA and freezes its
 * A/B): plain LoRA SFT on the CTR prompts, the answer token being the only target, run through the
 * engine's LM trainer (runLmTrainJob, AdamW, clipping). The trained A/B come back from the job's
 * final checkpoint, decoded in memory.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import type { LoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { RecForgeError } from '../../errors';
import type { StageCheckpoints } from '../llm/stageCheckpoints';
import { disposeAdamWState } from '../../train/lm/adamw';
import { decodeLmCheckpoint, LM_CHECKPOINT_NAME } from '../../train/lm/checkpoint';
import type { LmExample } from '../../train/lm/packing';
import { runLmTrainJob } from '../../train/lm/runLmTrainJob';
import { sourceFromExamples } from '../../train/lm/sourceFromExamples';
import type { LmTrainEvent } from '../../train/lm/progress';
import { loraTargets, type RellaxSettings } from './settings';

/** Cooperative hooks shared by the ReLLaX stages (all optional; a test may pass none). */
export interface RellaxHooks {
  /** A stage of the recipe starts (ids: crm, subr, stage1, stage2, evaluate). */
  onStage?(stage: string): void;
  /** Every event of a stage-1 LM training, `series` naming the run ("ReLLa LoRA (recent)"). */
  onLmEvent?(series: string, event: LmTrainEvent): void;
  /** One step (stage 2) or epoch (CRM) of a non-LM training of `series`. */
  onProgress?(p: { readonly series: string; readonly step: number; readonly loss: number }): void;
  /** A resumed run restored `units` steps of stage 2 instead of training them (they leave the progress budget). */
  onProgressRestored?(units: number): void;
  yieldToEventLoop?(): Promise<void>;
  isCancelled?(): boolean;
  /** Milliseconds, monotonic (LM progress throttling and ETA); default Date.now. */
  now?(): number;
  /** Where finished stages (stage-1 adapters, scored variants) are kept for a resume (default: none). */
  stages?: StageCheckpoints;
}

/** The PEFT LoRA config of the recipe. */
export function rellaxLoraConfig(s: RellaxSettings): ReturnType<typeof defaultLoraConfig> {
  return defaultLoraConfig({ r: s.loraR, lora_alpha: s.loraAlpha, target_modules: loraTargets(s) });
}

/** Trains a LoRA adapter on `examples` over the frozen `base` (which stays the caller's); `series` names the run. */
export async function trainReLLaLora(config: LmConfig, base: ReadonlyMap<string, tf.Tensor>, examples: readonly LmExample[], s: RellaxSettings, series: string, hooks: RellaxHooks): Promise<LoraAdapter> {
  let bytes: Uint8Array | null = null;
  const maxLen = Math.max(...examples.map((e) => e.tokens.length));
  const job = {
    runId: `rellax-${series}`,
    model: config,
    trainable: { kind: 'lora' as const, lora: { r: s.loraR, lora_alpha: s.loraAlpha, target_modules: loraTargets(s) } },
    base: { kind: 'provided' as const },
    sources: [sourceFromExamples('ctr', examples)],
    schedule: { kind: 'constant' as const, lr: s.stage1Lr },
    seed: s.seed,
    steps: s.stage1Steps,
    batchSize: s.batchSize,
    maxLen,
  };
  const outcome = await runLmTrainJob(job, {
    emit: (e) => hooks.onLmEvent?.(series, e),
    isCancelled: () => hooks.isCancelled?.() === true,
    yieldToEventLoop: async () => { await hooks.yieldToEventLoop?.(); },
    now: () => hooks.now?.() ?? Date.now(),
    loadBaseWeights: () => Promise.resolve(new Map([...base].map(([k, t]) => [k, t.clone()]))),
    writeCheckpoint: (file, b) => { if (file === LM_CHECKPOINT_NAME) bytes = b; return Promise.resolve(); },
  });
  if (outcome.status !== 'done' || bytes === null) throw new RecForgeError('cancelled', 'ReLLaX stage 1 cancelled');
  const ckpt = await decodeLmCheckpoint(bytes);
  disposeAdamWState(ckpt.optimizer);
  return { config: rellaxLoraConfig(s), tensors: ckpt.params };
}
