/**
 * RecCocktail settings (Hou et al., arXiv 2502.08271) as one flat zod schema: the host validates
 * run specs with it and the studio builds the form from it. Paper values where it gives them and
 * they fit a tiny LM: 1 + 29 candidates, items by title only (§4.1), ≤ 100 unlabeled prompts,
 * entropy of the first 3 generated tokens. LoRA size and training lengths are scaled so a run on
 * the demo workspace with a from-scratch LM finishes in about three and a half minutes on 2 cores
 * (the paper: LoRA r 16, α 32, dropout 0.05 on Qwen2-7B). Demo-scale choices: a 1024-token BPE
 * keeps every title word one token, so the first 3 generated tokens are a whole title and their
 * entropy reads item knowledge (with "genres: title" they read the genre, which every domain of the
 * demo shares, and the entropy no longer tells the adapters apart); 3 history items (the last ones
 * carry the signal); attention-only adapters, because all-linear ones on a tiny LM memorise the
 * warm titles and so rank never-seen (cold) items last; both adapters get 1,200 updates (with 300
 * the ingredient was no more certain than the base spirit on its own domain, so entropy could not
 * prefer it). More cases per set cut noise but shrink the general corpus (evaluated users are
 * removed from it): 300 halves it. The entropy λ is found by Adam on λ = sigmoid(θ) from the
 * entropy grid's minimum (§3.3; global or per layer); half the new items validate λ for new
 * items, so the cold share is 0.1 (about ten tested).
 */
import { z } from 'zod';
import { domainSetting, intSetting as int, numSetting as num, parseRecipeSettings } from '../settingsFields';
import type { LoraConfigInput } from '../../models/lora/config';

/** Projections each LoRA preset targets. */
export const LORA_TARGETS = {
  attention: ['q_proj', 'k_proj', 'v_proj', 'o_proj'],
  'all-linear': ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
} as const;

export const recCocktailSettingsSchema = z
  .object({
    // Data
    targetDomain: domainSetting('Target domain', 'Domain of the ingredient and of every test; empty = the last source'),
    seed: int(0, 2 ** 31 - 1, 23, 'Seed', 'User sample, candidates, data order and LoRA initialisation (both adapters share it)'),
    coldFraction: num(0.01, 0.5, 0.1, 'Cold share', 'Share of target items made new (new-item split: never in training); split into validation and test new items by the next setting'),
    coldValidation: num(0, 0.9, 0.5, 'Cold validation share', 'Share of the new items whose cases validate λ for new items (grid λ per scenario); never test targets; 0 = none (warm validation picks λ for both)'),
    coldStrategy: z.enum(['random', 'newest']).default('random').meta({ title: 'Cold items', description: 'random (seeded) or the items that appeared last in time' }),
    negatives: int(1, 99, 29, 'Negatives', 'Sampled negatives per prompt: 1 target + N candidates (paper: 29)'),
    maxHistory: int(1, 50, 3, 'History', 'Most recent behaviours shown in a prompt'),
    windowsPerUser: int(1, 50, 20, 'Examples per user', 'Training examples per user and domain, from the end of each sequence'),
    fewShotUsers: num(0.01, 1, 1, 'Few-shot users', 'Share of target-domain training users whose examples tune the ingredient (paper Table 3: 10–30 %); 1 = all'),
    itemText: z.enum(['title', 'genres-title']).default('title').meta({ title: 'Item text', description: 'How items read in prompts and answers: the title (paper), or "genres: title"' }),
    template: z.string().max(4000).default('History:\n{history}\nNext:').meta({ title: 'Instruction template', description: 'Prompt over {history} {candidates} {domain} {count}; empty = core default (lists the candidates)' }),
    // Model and adapters
    vocabSize: int(260, 32000, 1024, 'Vocabulary', 'Scratch model only: BPE tokens incl. 4 specials and 256 bytes'),
    hidden: z.number().int().min(16).max(1024).multipleOf(8).default(64).meta({ title: 'Hidden', description: 'Scratch model only: width (4 heads, 2 KV heads, MLP 2 × hidden)' }),
    layers: int(1, 12, 2, 'Layers', 'Scratch model only: decoder blocks'),
    pretrainSteps: int(0, 100000, 400, 'Catalog pre-training', 'Scratch model only: full-LM updates on numbered genre lists of item texts, freshly shuffled each pass (0 = none)'),
    pretrainLr: num(1e-6, 1, 1e-2, 'Pre-training lr', 'Scratch model only: peak lr of the catalog pre-training (cosine, 5 % warm-up)'),
    loraRank: int(1, 256, 8, 'LoRA rank', 'Rank r of both adapters'),
    loraAlpha: num(0.1, 1024, 16, 'LoRA alpha', 'Scaling = alpha / r'),
    loraDropout: num(0, 0.9, 0.05, 'LoRA dropout', 'Dropout on the adapter input while training'),
    loraTargets: z.enum(['all-linear', 'attention']).default('attention').meta({ title: 'LoRA targets', description: 'all-linear: q,k,v,o,gate,up,down; attention: q,k,v,o' }),
    baseSteps: int(1, 100000, 1200, 'Base-spirit steps', 'LoRA updates on the domain-general corpus (§3.1)'),
    ingredientSteps: int(1, 100000, 1200, 'Ingredient steps', 'LoRA updates on the target-domain corpus (§3.2)'),
    lr: num(1e-6, 1, 1e-2, 'Adapter lr', 'Peak AdamW lr of both LoRA stages (cosine, 5 % warm-up)'),
    batchSize: int(1, 512, 16, 'Batch size', 'Examples per update'),
    maxLen: int(16, 4096, 64, 'Max length', 'Tokens per example; longer prompts lose their oldest tokens'),
    // Cocktail
    mergeMode: z.enum(['exact', 'paper-ab']).default('exact').meta({ title: 'Merge', description: 'exact: λ·ΔW_base + (1−λ)·ΔW_ingredient; paper-ab: Eq. 7 interpolates A and B separately' }),
    lambdaStep: num(0.01, 0.5, 0.1, 'λ grid step', 'Spacing of the λ grid in [0, 1] for validation and entropy search'),
    entropyPrompts: int(1, 100, 100, 'Unlabeled prompts', 'Test prompts (labels unused) for entropy guidance, per scenario (§3.3: 50–100)'),
    entropyObjective: z.enum(['first-tokens', 'candidate-tokens', 'candidates']).default('first-tokens').meta({ title: 'Entropy of', description: "first-tokens: next-token entropy of the first generated tokens (paper); candidate-tokens: the same, generated and renormalised within the tokens that continue one of the prompt's candidates (the paper's task: pick a candidate); candidates: softmax over candidate scores" }),
    firstTokens: int(1, 16, 3, 'First tokens', 'Generated tokens whose entropy is averaged (paper: 3)'),
    lambdaSearch: z.enum(['gradient', 'grid']).default('gradient').meta({ title: 'Entropy λ by', description: "gradient: Adam on λ = sigmoid(θ) from the entropy grid's minimum (paper; exact merge, first-tokens entropy); grid: the grid's minimum" }),
    lambdaScope: z.enum(['global', 'per-layer']).default('global').meta({ title: 'λ per', description: 'global: one λ for the whole model; per-layer: one λ per decoder layer (gradient search only)' }),
    lambdaSteps: int(0, 1000, 30, 'λ steps', 'Adam updates of θ per scenario (gradient search)'),
    lambdaLr: num(1e-4, 10, 0.1, 'λ learning rate', 'Adam step size on θ (λ moves about lr·λ(1 − λ) per step)'),
    // Evaluation
    generationCases: int(0, 1000, 30, 'Generation cases', 'Test cases per scenario generated freely (valid ratio) and among the candidates (HR@1 of generation), for base, ingredient and merged; 0 = skip'),
    maxEvalCases: int(1, 10000, 150, 'Cases per set', 'Validation users, warm test users and cold test cases (evaluated users never enter the general corpus)'),
  })
  .strict();

/** Every knob of a run (defaults applied). */
export type RecCocktailSettings = z.output<typeof recCocktailSettingsSchema>;
export type RecCocktailSettingsInput = z.input<typeof recCocktailSettingsSchema>;
export type MergeMode = RecCocktailSettings['mergeMode'];
export type EntropyObjective = RecCocktailSettings['entropyObjective'];
export type LambdaSearch = RecCocktailSettings['lambdaSearch'];

/** Validated settings with defaults; RecForgeError('validation') at the first bad field. */
export function parseRecCocktailSettings(input: unknown): RecCocktailSettings {
  return parseRecipeSettings(recCocktailSettingsSchema, 'RecCocktail settings', input);
}

/** The defaults with a target domain. */
export function defaultRecCocktailSettings(targetDomain = ''): RecCocktailSettings {
  return parseRecCocktailSettings({ targetDomain });
}

/** The PEFT config both adapters use. */
export function loraOf(s: RecCocktailSettings): LoraConfigInput {
  return { r: s.loraRank, lora_alpha: s.loraAlpha, lora_dropout: s.loraDropout, target_modules: [...LORA_TARGETS[s.loraTargets]] };
}
