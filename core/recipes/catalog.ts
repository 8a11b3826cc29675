/**
 * The recipes the studio can run, as plain data: what each is, where it comes from, its stages
 * and the zod schema of its settings. Hosts turn this into RecipeInfo (JSON Schema) for the UI.
 */
import type { z } from 'zod';
import type { RecipeInfo, RecipePreset, RecipeStage } from '../protocol/recipes';
import { CPREC_PRESETS, RECCOCKTAIL_PRESETS } from './presets';
import { cprecSpecSchema, lmPretrainSpecSchema, padSpecSchema, recbaseSpecSchema, reccocktailSpecSchema, rellaxSpecSchema, sasrecSpecSchema } from '../protocol/runSchemas';
import { RECBASE_STAGES } from './recbase/stages';

export interface RecipeEntry {
  readonly id: RecipeInfo['id'];
  readonly title: string;
  readonly paper: string;
  readonly summary: string;
  readonly stages: readonly RecipeStage[];
  readonly settings: z.ZodType;
  readonly formDefaults: Readonly<Record<string, unknown>>;
  readonly presets?: readonly RecipePreset[];
  readonly headlineVariant?: string;
  /** See RecipeInfo.resumeNote. */
  readonly resumeNote?: string;
  /** See RecipeInfo.domains. */
  readonly domains?: RecipeInfo['domains'];
}

/** The note of recipes that keep no mid-run checkpoints. */
const STAGES_CRM: readonly RecipeStage[] = [
  { id: 'data', title: 'Dataset' },
  { id: 'split', title: 'Leave-one-out split' },
  { id: 'train', title: 'Train' },
  { id: 'eval', title: 'Evaluate (sampled + full)' },
];

export const RECIPES: readonly RecipeEntry[] = [
  {
    id: 'sasrec',
    title: 'SASRec',
    paper: 'Kang & McAuley, Self-Attentive Sequential Recommendation, ICDM 2018',
    summary: 'Causal self-attention over the item history; the conventional recommender every LLM recipe is compared with.',
    stages: STAGES_CRM,
    settings: sasrecSpecSchema.omit({ model: true }),
    formDefaults: { 'train.epochs': 20 },
    resumeNote: 'Resume continues exactly from the last checkpoint, written at the end of every epoch: the steps of the epoch that was cut off train again (the charts redraw them), and the result equals an uninterrupted run.',
  },
  {
    id: 'lm-pretrain',
    title: 'LM pretraining (from scratch)',
    paper: 'Byte-level BPE + Qwen2-style decoder; Warmup-Stable-Annealing schedule as in CPRec',
    summary: 'Trains a tokenizer on the item texts and a small decoder on item texts and user histories, so every LLM recipe works offline; exports a Hugging Face folder.',
    stages: [
      { id: 'tokenizer', title: 'Corpus + tokenizer' },
      { id: 'train', title: 'Pretrain (WSA)' },
      { id: 'export', title: 'Export HF folder' },
      { id: 'evaluate', title: 'Held-out loss' },
    ],
    settings: lmPretrainSpecSchema.omit({ model: true }),
    formDefaults: {},
    resumeNote: "Resume continues exactly from the last checkpoint (one every 'Checkpoint every' steps): the steps after it train again (the charts redraw them), and the losses equal an uninterrupted run's.",
  },
  {
    id: 'recbase',
    title: 'RecBase',
    paper: 'RecBase: generative foundation model pretraining for zero-shot recommendation (CL-VAE semantic IDs + autoregressive model)',
    summary: 'Quantises item texts into hierarchical semantic IDs (CL-VAE next to plain RQ-VAE), pre-trains a decoder on users\' code sequences across domains, and scores a held-out domain zero-shot, then after fine-tuning.',
    stages: RECBASE_STAGES,
    settings: recbaseSpecSchema.omit({ model: true }),
    formDefaults: {},
    resumeNote: 'Resume re-fits the quantisers (seeded, quick) and keeps the trained decoders when the semantic IDs come out the same; a decoder cut off mid-training starts again.',
    domains: { min: 2, why: 'one domain is held out for zero-shot scoring and the decoder pre-trains on the others' },
  },
  {
    id: 'pad',
    title: 'PAD (cold items)',
    paper: 'PAD: Pre-train, Align, Disentangle — LLM text embeddings aligned to a sequential recommender with MK-MMD, triple experts (arXiv 2412.04107)',
    summary: 'Cold-item split; PAD (ID expert, text expert, aligned expert with a frequency gate) against SASRec over several seeds, warm and cold items apart, with the seed-to-seed spread.',
    stages: [
      { id: 'split', title: 'Cold-item split' },
      { id: 'pretrain', title: 'Pre-train' },
      { id: 'align', title: 'Align (MK-MMD)' },
      { id: 'finetune', title: 'Disentangle (triple experts)' },
      { id: 'baseline', title: 'SASRec baseline' },
      { id: 'evaluate', title: 'Warm / cold evaluation' },
    ],
    settings: padSpecSchema.omit({ model: true }),
    formDefaults: {},
    headlineVariant: 'PAD',
    resumeNote: 'Resume keeps the seeds that finished and trains only the rest (a seed cut off mid-training starts again).',
  },
  {
    id: 'rellax',
    title: 'ReLLaX (ablation)',
    paper: 'ReLLaX: semantic user behaviour retrieval (SUBR), soft prompt augmentation (SPA), component-fully-interactive LoRA (CFLoRA) (arXiv 2501.13344)',
    summary: 'CTR samples from ratings (per-user temporal split); trains ReLLa and the +SUBR / +SPA / +CFLoRA / full variants and reports the ablation table (AUC, LogLoss).',
    stages: [
      { id: 'data', title: 'CTR samples' },
      { id: 'crm', title: 'Frozen CRM' },
      { id: 'subr', title: 'SUBR retrieval' },
      { id: 'stage1', title: 'Stage 1: LoRA SFT' },
      { id: 'stage2', title: 'Stage 2: SPA / CFLoRA' },
      { id: 'evaluate', title: 'Ablation (AUC, LogLoss)' },
    ],
    settings: rellaxSpecSchema.omit({ model: true }),
    formDefaults: {},
    resumeNote: 'Resume keeps the stage-1 adapters and the variants already scored, and trains the rest (the CRM trains again: it is quick; a variant cut off mid-training starts again).',
  },
  {
    id: 'cprec',
    title: 'CPRec (continual pre-training)',
    paper: 'CPRec: all-domain continual pre-training for LLM recommenders, Warmup-Stable-Annealing with a data switch (arXiv 2504.08949)',
    summary: 'Continually pre-trains the LM on domain-specific behaviour texts through warm-up and stable, then on all-domain mixed sequences while annealing; then fine-tunes on the target domain from the initial and from the pre-trained model; ranks the target domain\'s next items for each, warm and cold targets apart.',
    stages: [
      { id: 'data', title: 'Domain corpora' },
      { id: 'pretrain', title: 'Continual pre-training (WSA)' },
      { id: 'evaluate', title: 'Warm / cold ranking' },
      { id: 'sft', title: 'SFT from initial and from CPT' },
      { id: 'export', title: 'Export model / adapter' },
    ],
    settings: cprecSpecSchema.omit({ model: true }),
    formDefaults: {},
    presets: CPREC_PRESETS,
    domains: { min: 2, why: 'all-domain continual pre-training mixes the other domains into the annealing phase; on one domain it trains on the same data twice' },
    headlineVariant: 'cprec+sft',
    resumeNote: 'Resume keeps the training stages that finished (continual pre-training, SFT from initial, SFT from CPT) and trains from the first unfinished one (a stage cut off mid-training starts again).',
  },
  {
    id: 'reccocktail',
    title: 'RecCocktail (LoRA merge)',
    paper: 'RecCocktail: a base-spirit LoRA on all domains + a domain ingredient LoRA, linearly merged with an entropy-guided λ (arXiv 2502.08271)',
    summary: 'Tunes a domain-general and a target-domain LoRA on instruction data (history → candidate titles → target), merges them exactly, picks λ on a validation grid and by entropy on unlabeled prompts; the playground mixes them live.',
    stages: [
      { id: 'data', title: 'Instruction data' },
      { id: 'pretrain', title: 'Catalog pre-training (scratch LM)' },
      { id: 'base-spirit', title: 'Base spirit LoRA' },
      { id: 'ingredient', title: 'Ingredient LoRA' },
      { id: 'evaluate', title: 'λ grid + entropy, warm / cold' },
      { id: 'export', title: 'Export adapters' },
    ],
    settings: reccocktailSpecSchema.omit({ model: true }),
    formDefaults: {},
    domains: { min: 2, why: 'the base spirit learns from the domains other than the target' },
    presets: RECCOCKTAIL_PRESETS,
    headlineVariant: 'merged',
    resumeNote: 'Resume keeps the training stages that finished (catalog pre-training, base spirit, ingredient) and trains from the first unfinished one (a stage cut off mid-training starts again).',
  },
];
