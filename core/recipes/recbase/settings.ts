/**
 * RecBase settings as one flat zod schema (the host validates run specs with it and the studio
 * builds the form from it). The paper's scale (§5.4: 4 levels × 2048 codes, NV-Embed-v2 inputs,
 * a 0.3B/1.5B Qwen2 decoder) is far beyond a 2-core wasm studio; the defaults keep its structure
 * at demo scale (~600 items, 600 users) and finish the demo workspace in about two minutes.
 * `recBaseConfig` turns the flat settings into the grouped config the pipeline reads.
 */
import { z } from 'zod';
import { domainSetting, intSetting as int, numSetting as real, parseRecipeSettings } from '../settingsFields';
import { RecForgeError } from '../../errors';
import type { RecBaseConfig } from './config';

const fields = z
  .object({
    seed: int(0, 2 ** 31 - 1, 2509, 'Seed', 'Quantiser and decoder initialisation, batches and the sampled negatives'),
    heldOutDomain: domainSetting('Held-out domain', 'Zero-shot domain: never seen by the decoder before evaluation (empty = the last domain)'),
    tokenizerFit: z.enum(['pretrain-domains', 'all-items']).default('pretrain-domains').meta({ title: 'Tokenizer fit', description: 'Items the quantisers are fitted on: the pre-training domains only (strict zero-shot) or every item text' }),
    vectorDim: int(2, 512, 16, 'Text vector size', 'LSA components of the TF-IDF item text vectors (fewer = coarser, more topical)'),
    centreDomains: z.boolean().default(true).meta({ title: 'Centre domains', description: 'Subtract each domain\'s mean text vector, so codes describe what an item is rather than which domain it is from' }),
    // Quantiser (shared by RQ-VAE and CL-VAE)
    levels: int(1, 6, 3, 'Code levels', 'Residual quantisation levels m (paper: 4); IDs get one extra disambiguation code'),
    codes: int(2, 4096, 32, 'Codes per level', 'Codebook size K (paper: 2048)'),
    latentDim: int(2, 256, 16, 'Latent size', 'Width of the encoder output and of every codebook vector'),
    hiddenDim: int(4, 1024, 64, 'Quantiser MLP width', 'Hidden width of the encoder and decoder MLPs'),
    quantiserSteps: int(1, 100000, 150, 'Steps per level', 'Adam updates per CL-VAE curriculum stage; plain RQ-VAE gets levels × this'),
    quantiserBatch: int(1, 65536, 256, 'Quantiser batch', 'Items per quantiser update'),
    quantiserLr: real(1e-6, 1, 3e-3, 'Quantiser lr', 'Adam learning rate of both quantisers'),
    beta: real(0, 10, 0.25, 'Commitment β', 'Weight of the commitment term of L_Q'),
    gamma: real(0, 10, 0.1, 'Entropy γ', 'Weight of the code-usage entropy term L_E (CL-VAE only)'),
    softTemperature: real(1e-4, 10, 0.1, 'Entropy temperature', 'Soft-assignment temperature of L_E, relative to the mean code distance'),
    deadUsage: real(0, 1, 0.2, 'Dead-code usage', 'CL-VAE re-initialises codes used by fewer than this × items / K items'),
    reinitEvery: int(1, 100000, 20, 'Re-init every', 'Updates between dead-code checks (CL-VAE)'),
    reinitLevels: z.enum(['first', 'all']).default('first').meta({ title: 'Re-init levels', description: 'Levels whose dead codes are re-initialised: the first (paper) or all' }),
    // Autoregressive decoder over code tokens (Qwen2 layout)
    lmHidden: int(8, 1024, 64, 'Decoder width', 'Hidden size of the code decoder (a multiple of heads; hidden / heads even)'),
    lmLayers: int(1, 12, 2, 'Decoder layers', 'Decoder blocks'),
    lmHeads: int(1, 16, 4, 'Decoder heads', 'Attention heads'),
    windowItems: int(1, 64, 8, 'History window', 'Items of history per training example and per evaluation prompt'),
    codeEmbeddingInit: real(0, 10, 0.1, 'Code embedding init', 'RMS of code-token embeddings initialised from the codebook vectors (0 = random init)'),
    lmSteps: int(1, 100000, 400, 'Pre-training steps', 'AdamW updates on the other domains\' code sequences'),
    lmBatch: int(1, 512, 16, 'Decoder batch', 'Packed rows per update'),
    lmLr: real(1e-6, 1, 5e-3, 'Pre-training lr', 'Peak lr of the warm-up / stable / anneal schedule'),
    fineTuneSteps: int(0, 100000, 80, 'Fine-tuning steps', 'In-domain updates on the held-out domain\'s training interactions (0 = skip)'),
    fineTuneLr: real(1e-6, 1, 3e-3, 'Fine-tuning lr', 'Peak lr of the cosine fine-tuning schedule'),
    // Evaluation
    negatives: int(1, 1000, 19, 'Negatives', 'Uniform negatives of the held-out domain per test positive'),
    maxCases: int(1, 1000000, 300, 'Test users', 'Held-out-domain test users scored (the first ones)'),
    scoreLevels: int(0, 7, 1, 'Scored levels', 'Leading code levels whose joint log-likelihood ranks candidates (0 = the whole ID); the whole-ID AUC is reported as well'),
  })
  .strict();

/** The schema with the rules a decoder config imposes. */
export const recBaseSettingsSchema = fields.superRefine((s, ctx) => {
  if (s.lmHidden % s.lmHeads !== 0 || (s.lmHidden / s.lmHeads) % 2 !== 0) {
    ctx.addIssue({ code: 'custom', path: ['lmHidden'], message: `must be a multiple of heads (${s.lmHeads}) with an even head size (RoPE)` });
  }
});

/** Every knob of a RecBase run (all defaults applied). */
export type RecBaseSettings = z.output<typeof recBaseSettingsSchema>;

/** The defaults (demo-sized). */
export function defaultRecBaseSettings(): RecBaseSettings {
  return recBaseSettingsSchema.parse({});
}

/** Validated settings with defaults; RecForgeError('validation') located at the first bad field. */
export function parseRecBaseSettings(input: unknown): RecBaseSettings {
  return parseRecipeSettings(recBaseSettingsSchema, 'RecBase settings', input);
}

/** The held-out domain the settings name among `domains` (default: the last one). */
export function heldOutDomainOf(s: Pick<RecBaseSettings, 'heldOutDomain'>, domains: readonly string[]): string {
  const name = s.heldOutDomain === '' ? domains[domains.length - 1] : s.heldOutDomain;
  if (name === undefined || !domains.includes(name)) {
    throw new RecForgeError('validation', `held-out domain '${s.heldOutDomain}' is not one of the workspace's domains`, { file: 'settings', field: 'heldOutDomain', expected: domains.join(', ') });
  }
  return name;
}

/** The grouped config of a run on a corpus with `domains`. */
export function recBaseConfig(s: RecBaseSettings, domains: readonly string[]): RecBaseConfig {
  return {
    seed: s.seed,
    vectorDim: s.vectorDim,
    centreDomains: s.centreDomains,
    tokenizerFit: s.tokenizerFit,
    quantiser: {
      levels: s.levels,
      codes: s.codes,
      latentDim: s.latentDim,
      hiddenDim: s.hiddenDim,
      stepsPerLevel: s.quantiserSteps,
      batchSize: s.quantiserBatch,
      lr: s.quantiserLr,
      beta: s.beta,
      gamma: s.gamma,
      softTemperature: s.softTemperature,
      deadUsage: s.deadUsage,
      reinitEvery: s.reinitEvery,
      reinitLevels: s.reinitLevels,
    },
    ar: { hiddenSize: s.lmHidden, layers: s.lmLayers, heads: s.lmHeads, windowItems: s.windowItems, codeEmbeddingInit: s.codeEmbeddingInit, steps: s.lmSteps, batchSize: s.lmBatch, lr: s.lmLr, fineTuneSteps: s.fineTuneSteps, fineTuneLr: s.fineTuneLr },
    eval: { heldOutDomain: heldOutDomainOf(s, domains), negatives: s.negatives, maxCases: s.maxCases, scoreLevels: s.scoreLevels },
  };
}

/** The default quantiser config (tests and scripts start from it). */
export function defaultQuantiserConfig(): RecBaseConfig['quantiser'] {
  return recBaseConfig(defaultRecBaseSettings(), ['default']).quantiser;
}
