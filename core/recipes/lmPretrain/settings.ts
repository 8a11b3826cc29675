/**
 * Settings of from-scratch LM pretraining on a workspace's own item text, as one zod schema: the
 * host validates run specs with it and recipes.list turns it into a form. The defaults size a
 * Qwen2-style decoder that pretrains the demo workspace in about a minute on 2 CPU cores (wasm).
 * Flat on purpose: forms stay one level deep and every field has its default next to it.
 */
import { z } from 'zod';
import { intSetting as int, numSetting, parseRecipeSettings } from '../settingsFields';

const fraction = (value: number, title: string, description: string, max = 1): z.ZodDefault<z.ZodNumber> => numSetting(0, max, value, title, description);

const fields = z
  .object({
    seed: int(0, 2 ** 31 - 1, 42, 'Seed', 'Validation split, initialisation and data order'),
    // Corpus
    template: z.enum(['recbase', 'cprec']).default('recbase').meta({ title: 'Item template', description: 'RecBase "Describe a movie:" text or the domain-free CPRec text' }),
    valShare: fraction(0.1, 'Validation share', 'Users whose histories are held out for the validation loss', 0.5),
    excludeLastPerUser: int(0, 10, 2, 'Hide last items', 'Final interactions of every user left out of the corpus (2 = leave-one-out valid + test; 0 if the host passes train sequences only)'),
    vocabSize: int(260, 32000, 2000, 'Vocabulary', 'BPE tokens incl. 4 specials and 256 bytes (fewer when the corpus runs out of pairs)'),
    // Model (Qwen2 layout)
    layers: int(1, 12, 2, 'Layers', 'Decoder blocks'),
    hidden: int(16, 1024, 64, 'Hidden', 'Model width (a multiple of heads; hidden / heads must be even)'),
    intermediate: int(16, 4096, 192, 'MLP width', 'SwiGLU intermediate size'),
    heads: int(1, 32, 4, 'Heads', 'Attention heads'),
    kvHeads: int(1, 32, 2, 'KV heads', 'Key/value heads (GQA; divides heads)'),
    maxLen: int(16, 1024, 128, 'Max length', 'Tokens per training row; user histories are cut into texts that fit'),
    initStd: z.number().positive().max(1).default(0.02).meta({ title: 'Init std', description: 'Normal std of the initial weights' }),
    // Optimisation (AdamW + WSA)
    steps: int(1, 100000, 200, 'Steps', 'Optimizer updates'),
    batchSize: int(1, 512, 8, 'Batch size', 'Rows per update'),
    packing: z.boolean().default(true).meta({ title: 'Packing', description: 'Several texts per row, attention kept inside each' }),
    peakLr: z.number().positive().max(1).default(3e-3).meta({ title: 'Peak lr', description: 'AdamW lr held through the stable phase' }),
    minLr: z.number().min(0).max(1).default(3e-4).meta({ title: 'Final lr', description: 'lr at the end of annealing' }),
    warmupFraction: fraction(0.1, 'Warm-up share', 'Share of steps warming up linearly'),
    stableFraction: fraction(0.6, 'Stable share', 'Share of steps at the peak; annealing (cosine) takes the rest'),
    weightDecay: fraction(0.1, 'Weight decay', 'Decoupled AdamW decay (not on norms and biases)'),
    clipNorm: z.number().positive().max(100).default(1).meta({ title: 'Clip norm', description: 'Max global gradient L2 norm' }),
    checkpointEvery: int(0, 100000, 50, 'Checkpoint every', 'Steps between resumable checkpoints (0 = only at the end)'),
  })
  .strict();

/** The schema with the cross-field rules a decoder config imposes. */
export const lmPretrainSettingsSchema = fields.superRefine((s, ctx) => {
  const issue = (path: string, message: string): void => void ctx.addIssue({ code: 'custom', path: [path], message });
  if (s.hidden % s.heads !== 0) issue('hidden', `must be a multiple of heads (${s.heads})`);
  else if ((s.hidden / s.heads) % 2 !== 0) issue('hidden', 'hidden / heads must be even (RoPE rotates pairs)');
  if (s.heads % s.kvHeads !== 0) issue('kvHeads', `must divide heads (${s.heads})`);
  if (s.warmupFraction + s.stableFraction > 1) issue('stableFraction', 'warm-up + stable shares must not exceed 1');
  if (s.minLr > s.peakLr) issue('minLr', 'must not exceed the peak lr');
});

/** Every knob of a pretraining run (all defaults applied). */
export type LmPretrainSettings = z.output<typeof lmPretrainSettingsSchema>;

/** Settings as a form or pipeline file gives them (any field may be missing). */
export type LmPretrainSettingsInput = z.input<typeof lmPretrainSettingsSchema>;

/** The defaults (demo-sized). */
export function defaultLmPretrainSettings(): LmPretrainSettings {
  return lmPretrainSettingsSchema.parse({});
}

/** Validated settings with defaults; RecForgeError('validation') located at the first bad field. */
export function parseLmPretrainSettings(input: unknown): LmPretrainSettings {
  return parseRecipeSettings(lmPretrainSettingsSchema, 'LM pretraining settings', input);
}
