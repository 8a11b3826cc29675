/**
 * PAD settings as one flat zod schema (the host validates run specs with it, the studio builds
 * the form from it). Defaults follow the paper / official `parameters.py` where they can and are
 * scaled down for a 2-core wasm engine (the paper: embedding 128, 5 blocks, 400 epochs on a GPU):
 * three seeds of PAD + SASRec finish on a demo-workspace domain in about two minutes.
 */
import { z } from 'zod';
import { domainSetting, intSetting as int, numSetting as num } from '../settingsFields';
import type { SasRecConfig } from '../../protocol/dto';
import { padMmdOptions, type MkMmdOptions } from './mkmmd';
import type { PadEvalSettings } from './padEval';

const SEED_MAX = 2 ** 31 - 1;

export const padSettingsSchema = z
  .object({
    // Data
    domain: domainSetting('Domain', 'Source (domain) to train and evaluate on; empty = the first one'),
    coldFraction: num(0.01, 0.5, 0.1, 'Cold share', 'Share of the items made cold: every interaction with them leaves training and becomes a cold test case'),
    coldStrategy: z.enum(['random', 'newest']).default('random').meta({ title: 'Cold items', description: 'random (seeded) or the items that appeared last in time' }),
    splitSeed: int(0, SEED_MAX, 11, 'Split seed', 'Which items become cold (random strategy)'),
    // Seeds
    seed: int(0, SEED_MAX, 1, 'First seed', 'Initialisation, batch order and dropout of the first repetition'),
    seeds: int(1, 10, 3, 'Seeds', 'Repetitions with seeds seed, seed + 1, …; mean and spread are reported'),
    // Model (each expert is a SASRec)
    hidden: int(8, 512, 32, 'Hidden', 'Embedding and model width of every expert'),
    blocks: int(1, 8, 2, 'Blocks', 'Transformer blocks per expert'),
    heads: int(1, 16, 1, 'Heads', 'Attention heads (must divide hidden)'),
    maxLen: int(2, 512, 50, 'Max length', 'Most recent interactions kept per history'),
    dropout: num(0, 0.9, 0.2, 'Dropout', 'Dropout rate on embeddings and blocks'),
    textDim: int(8, 4096, 64, 'Text width', 'Width of the frozen item text embeddings (LLM2Vec: 4096)'),
    // Training
    pretrainEpochs: int(1, 1000, 14, 'Pre-train epochs', 'Phase 1: the rec-specific SASRec on warm interactions'),
    alignEpochs: int(0, 1000, 4, 'Align epochs', 'Phase 2: BCE + λ·MK-MMD between projected text and ID embeddings'),
    finetuneEpochs: int(0, 1000, 10, 'Fine-tune epochs', 'Phase 3: triple experts with frequency-aware gating (SASRec trains for the sum of all phases)'),
    batchSize: int(1, 4096, 128, 'Batch size', 'User sequences per step'),
    learningRate: num(1e-6, 1, 1e-3, 'Learning rate', 'Adam step size, all phases'),
    mmdWeight: num(0, 100, 0.2, 'MMD weight λ', 'Weight of MK-MMD in the alignment loss (official: 0.2)'),
    mmdEstimator: z.enum(['biased', 'unbiased']).default('biased').meta({ title: 'MMD estimator', description: 'biased V-statistic (tllib) or the paired unbiased U-statistic' }),
    mmdSampleCap: int(2, 4096, 128, 'MMD sample', 'Items per batch entering MK-MMD (the kernel matrix is (2n)²)'),
    gateLearningRate: num(1e-6, 1, 0.05, 'Gate learning rate', 'Adam step size of the gate logits (larger than the rest: a short fine-tune must still move them)'),
    bins: int(2, 100, 11, 'Gate bins', 'Frequency bins of the gate; the last one holds cold items (official: 11)'),
    gamma2: num(-20, 20, -4, 'Aligned gate init γ2', 'Aligned-expert gate logits start at linspace(γ2, γ2 − 1) (official: −4)'),
    expertLossWeight: num(0, 10, 1, 'Expert loss weight', 'Weight of each expert’s own BCE next to the fused BCE (0 = fused only, as the official code)'),
    // Evaluation
    negatives: int(1, 10000, 99, 'Negatives', 'Sampled negatives per case (1 + N candidates, uniform)'),
    k: int(1, 100, 10, 'Cut-off k', 'Cut-off of HR@k and NDCG@k'),
    maxEvalCases: int(1, 1_000_000, 2000, 'Cases per segment', 'Warm / cold cases evaluated; larger segments are subsampled (seeded)'),
    evalSeed: int(0, SEED_MAX, 7, 'Sampler seed', 'Seed of the candidate sampler and subsampling, stored with every metric'),
  })
  .strict()
  // Attention splits the width into equal heads; tfjs would reshape to a fractional head size without a word.
  .superRefine((s, ctx) => {
    if (s.hidden % s.heads !== 0) ctx.addIssue({ code: 'custom', path: ['heads'], message: `must divide Hidden (${s.hidden})` });
  });

/** Every knob of a PAD run (all defaults applied). */
export type PadSettings = z.output<typeof padSettingsSchema>;

/** The defaults. */
export function defaultPadSettings(): PadSettings {
  return padSettingsSchema.parse({});
}

/** The SASRec shape every expert (and the baseline) shares. */
export function padSasrec(s: PadSettings): SasRecConfig {
  return { hidden: s.hidden, blocks: s.blocks, heads: s.heads, maxLen: s.maxLen, dropout: s.dropout };
}

/** PAD's kernel family with the chosen estimator. */
export function padMmd(s: PadSettings): MkMmdOptions {
  return { ...padMmdOptions(), estimator: s.mmdEstimator };
}

/** Candidate sampling and cut-off of the warm / cold evaluation. */
export function padEval(s: PadSettings): PadEvalSettings {
  return { negatives: s.negatives, k: s.k, maxCases: s.maxEvalCases, seed: s.evalSeed };
}

/** The seeds of the repetitions. */
export function padSeeds(s: PadSettings): number[] {
  return Array.from({ length: s.seeds }, (_, i) => s.seed + i);
}

/** Epochs a baseline must train to match PAD's total budget. */
export function totalEpochs(s: PadSettings): number {
  return s.pretrainEpochs + s.alignEpochs + s.finetuneEpochs;
}
