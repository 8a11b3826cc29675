/**
 * CPRec settings (arXiv 2504.08949) as one flat zod schema with demo-sized defaults (a run on the
 * demo workspace with a from-scratch LM finishes in about two minutes on 2 cores). The paper fixes
 * the data order (domain-specific sequences through warm-up and stable, all-domain mixed
 * sequences while annealing) and the warm-up share (5 %); the stable/annealing split, lengths and
 * learning rates are ours. dataOrder 'shuffled' is the paper's naive-mixing ablation.
 */
import { z } from 'zod';
import { domainSetting, intSetting as int, numSetting as num, parseRecipeSettings } from '../settingsFields';
import type { LoraConfigInput } from '../../models/lora/config';
import type { LmTrainable } from '../../train/lm/job';

const fields = z
  .object({
    // Data
    targetDomain: domainSetting('Target domain', 'Domain whose next items are ranked (and whose held-out behaviours never train); empty = the last source'),
    seed: int(0, 2 ** 31 - 1, 17, 'Seed', 'Initialisation, data order and candidate sampling'),
    windowItems: int(2, 64, 6, 'Behaviours per text', 'Items per pre-training text (history + next); longer sequences are cut into windows'),
    stableData: z.enum(['domain-specific', 'mixed']).default('domain-specific').meta({ title: 'Warm-up/stable corpus', description: 'domain-specific sequences (paper) or every user\'s all-domain mixed sequence' }),
    annealData: z.enum(['mixed-target', 'target-specific']).default('mixed-target').meta({ title: 'Annealing corpus', description: 'mixed windows ending on a target behaviour (paper) or the target domain\'s own sequences' }),
    dataOrder: z.enum(['phased', 'shuffled']).default('phased').meta({ title: 'Data order', description: 'phased: the warm-up/stable corpus, then the annealing corpus (paper); shuffled: both corpora as one shuffled source in every phase, same lr schedule (naive-mixing ablation)' }),
    // Model
    vocabSize: int(260, 32000, 640, 'Vocabulary', 'Scratch model only: BPE tokens incl. 4 specials and 256 bytes'),
    hidden: z.number().int().min(16).max(1024).multipleOf(8).default(64).meta({ title: 'Hidden', description: 'Scratch model only: width (4 heads, 2 KV heads, MLP 2 × hidden)' }),
    layers: int(1, 12, 2, 'Layers', 'Scratch model only: decoder blocks'),
    trainable: z.enum(['full', 'lora']).default('full').meta({ title: 'Trainable', description: 'full: every weight (small scratch models); lora: a PEFT adapter on a frozen base (paper)' }),
    loraRank: int(1, 256, 16, 'LoRA rank', 'Adapter rank when trainable = lora'),
    loraAlpha: num(0.1, 1024, 32, 'LoRA alpha', 'Scaling = alpha / r'),
    // WSA schedule
    steps: int(1, 100000, 300, 'Steps', 'Optimizer updates of continual pre-training'),
    peakLr: num(1e-6, 1, 3e-3, 'Peak lr', 'AdamW lr held through the stable phase'),
    minLr: num(0, 1, 0, 'Final lr', 'lr at the end of annealing'),
    warmupFraction: num(0, 1, 0.05, 'Warm-up share', 'Share of steps warming up linearly (paper: 5 %)'),
    stableFraction: num(0, 1, 0.7, 'Stable share', 'Share of steps at the peak; annealing takes the rest'),
    decay: z.enum(['cosine', 'linear']).default('cosine').meta({ title: 'Annealing shape', description: 'How the lr falls from the peak to the final lr' }),
    batchSize: int(1, 512, 16, 'Batch size', 'Texts per update'),
    maxLen: int(16, 4096, 64, 'Max length', 'Tokens per text (longer texts lose their oldest behaviours)'),
    // SFT (after continual pre-training)
    sftSteps: int(0, 100000, 150, 'SFT steps', 'Next-item fine-tuning on target-domain windows, run from the initial model and from the CPT checkpoint (0 = skip)'),
    sftLr: num(1e-6, 1, 3e-3, 'SFT lr', 'Peak AdamW lr of SFT (cosine, 5 % warm-up)'),
    // Evaluation
    negatives: int(1, 999, 19, 'Negatives', 'Ranking: 1 target + N uniformly sampled candidates'),
    maxEvalCases: int(1, 100000, 300, 'Test cases', 'Target-domain test users ranked (first ones, in user order)'),
  })
  .strict();

export const cprecSettingsSchema = fields.superRefine((s, ctx) => {
  if (s.warmupFraction + s.stableFraction > 1) ctx.addIssue({ code: 'custom', path: ['stableFraction'], message: 'warm-up + stable shares must not exceed 1' });
  if (s.minLr > s.peakLr) ctx.addIssue({ code: 'custom', path: ['minLr'], message: 'must not exceed the peak lr' });
});

/** Every knob of a run (defaults applied). */
export type CprecSettings = z.output<typeof cprecSettingsSchema>;
export type CprecSettingsInput = z.input<typeof cprecSettingsSchema>;

/** Validated settings with defaults; RecForgeError('validation') at the first bad field. */
export function parseCprecSettings(input: unknown): CprecSettings {
  return parseRecipeSettings(cprecSettingsSchema, 'CPRec settings', input);
}

/** The defaults with a target domain. */
export function defaultCprecSettings(targetDomain = ''): CprecSettings {
  return parseCprecSettings({ targetDomain });
}

/** The PEFT config of a LoRA run (every linear projection, as the paper's LLaRA setup). */
export function cprecLora(s: CprecSettings): LoraConfigInput {
  return { r: s.loraRank, lora_alpha: s.loraAlpha, target_modules: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'] };
}

/** What the LM job trains. */
export function cprecTrainable(s: CprecSettings): LmTrainable {
  return s.trainable === 'full' ? { kind: 'full' } : { kind: 'lora', lora: cprecLora(s) };
}
