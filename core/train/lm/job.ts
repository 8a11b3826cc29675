/**
 * The LM training job as plain data (JSON-able, or structured-clonable when token arrays are
 * Int32Arrays): model, what is trained, data sources and phases, schedule, optimizer, batch shape.
 * The protocol layer wraps this type; it lives here so core/train/lm has no protocol dependency.
 */
import type { LmConfig } from '../../models/lm/config';
import type { LoraConfigInput } from '../../models/lora/config';
import type { LrScheduleConfig } from '../schedules';
import type { AdamWHyper } from './adamw';

/**
 * A corpus of tokenised examples, flattened: example i is tokens[offsets[i] .. offsets[i+1]) and
 * its first promptLengths[i] tokens are prompt (no loss on them). Int32Arrays transfer cheaply to a
 * worker; number[] keeps the job JSON-able.
 */
export interface LmSource {
  readonly name: string;
  readonly tokens: ArrayLike<number>;
  /** Length = examples + 1, offsets[0] = 0, non-decreasing. */
  readonly offsets: ArrayLike<number>;
  readonly promptLengths: ArrayLike<number>;
}

/** What the optimizer updates. */
export type LmTrainable =
  | { readonly kind: 'full' } // every decoder weight (small from-scratch LMs)
  | { readonly kind: 'lora'; readonly lora: LoraConfigInput }; // PEFT adapter fields; the base stays frozen

/** Where the decoder's starting weights come from. */
export type LmBaseWeights =
  | { readonly kind: 'random'; readonly std?: number } // initLmWeights(model, seed, std (0.02))
  | { readonly kind: 'provided' }; // hooks.loadBaseWeights() (e.g. an HF checkpoint folder)

/** A data phase: from `startStep` (0-based update index) on, batches come from `source`. */
export interface LmDataPhase {
  readonly name: string;
  readonly source: string;
  readonly startStep: number;
}

/** One LM training run. Defaults in the comments are applied by resolveLmJob. */
export interface LmTrainJob {
  readonly runId: string;
  readonly model: LmConfig;
  readonly trainable: LmTrainable;
  readonly base?: LmBaseWeights; // ({ kind: 'random' })
  readonly sources: readonly LmSource[];
  /** Sorted by startStep, the first at 0 (default: one phase 'train' on sources[0]). */
  readonly phases?: readonly LmDataPhase[];
  readonly schedule: LrScheduleConfig;
  readonly optimizer?: Partial<AdamWHyper>; // (β 0.9/0.999, eps 1e-8, weight decay 0.01)
  readonly seed: number; // initialisation, data order and LoRA dropout all derive from it
  readonly steps: number; // optimizer updates
  readonly batchSize: number; // rows per micro-batch
  readonly accumulation?: number; // micro-batches per update (1)
  readonly maxLen: number; // tokens per row; longer examples lose their first tokens
  readonly packing?: boolean; // several examples per row, attention kept inside each (false)
  readonly shuffle?: boolean; // reshuffle every epoch of every source (true)
  readonly clipNorm?: number | null; // max global gradient L2 norm; null = no clipping (1.0)
  readonly checkpointEvery?: number; // steps between checkpoints; 0 = only at the end (0)
  readonly padId?: number; // id written into padding (never attended to or scored) (0)
  readonly resume?: boolean; // continue from the checkpoint LM_CHECKPOINT_NAME if it exists
}

/** A job with every default filled in. */
export type ResolvedLmJob = Required<Omit<LmTrainJob, 'optimizer' | 'clipNorm'>> & {
  readonly optimizer: AdamWHyper;
  readonly clipNorm: number | null;
};
