/**
 * The recipes the studio can run, as plain data: what each is, where it comes from, its stages
 * and the zod schema of its settings. Hosts turn this into RecipeInfo (JSON Schema) for the UI.
 */
import type { z } from 'zod';
import type { RecipeInfo, RecipeStage } from '../protocol/recipes';
import { lmPretrainSpecSchema, recbaseSpecSchema, sasrecSpecSchema } from '../protocol/runSchemas';
import { RECBASE_STAGES } from './recbase/stages';

export interface RecipeEntry {
  readonly id: RecipeInfo['id'];
  readonly title: string;
  readonly paper: string;
  readonly summary: string;
  readonly stages: readonly RecipeStage[];
  readonly settings: z.ZodType;
  readonly formDefaults: Readonly<Record<string, unknown>>;
}

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
  },
  {
    id: 'recbase',
    title: 'RecBase',
    paper: 'RecBase: generative foundation model pretraining for zero-shot recommendation (CL-VAE semantic IDs + autoregressive model)',
    summary: 'Quantises item texts into hierarchical semantic IDs (CL-VAE next to plain RQ-VAE), pre-trains a decoder on users\' code sequences across domains, and scores a held-out domain zero-shot, then after fine-tuning.',
    stages: RECBASE_STAGES,
    settings: recbaseSpecSchema.omit({ model: true }),
    formDefaults: {},
  },
];
