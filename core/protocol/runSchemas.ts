/**
 * The settings of every recipe a run can use, as zod schemas: the host validates runs.start and
 * pipeline files with them, and recipes.list turns them into JSON Schema for the studio's forms.
 * A run spec is { model, ...settings }; a start request adds the dataset.
 */
import { z } from 'zod';
import { cprecSettingsSchema } from '../recipes/cprec/settings';
import { lmPretrainSettingsSchema } from '../recipes/lmPretrain/settings';
import { padSettingsSchema } from '../recipes/pad/settings';
import { recBaseSettingsSchema } from '../recipes/recbase/settings';
import { recCocktailSettingsSchema } from '../recipes/reccocktail/settings';
import { rellaxSettingsSchema } from '../recipes/rellax/settings';
import { idSchema } from './schemas';

export const sasRecConfigSchema = z
  .object({
    hidden: z.number().int().min(8).max(1024).default(64).meta({ title: 'Hidden', description: 'Embedding and model width' }),
    blocks: z.number().int().min(1).max(8).default(2).meta({ title: 'Blocks', description: 'Transformer blocks' }),
    heads: z.number().int().min(1).max(16).default(1).meta({ title: 'Heads', description: 'Attention heads (must divide hidden)' }),
    maxLen: z.number().int().min(2).max(512).default(50).meta({ title: 'Max length', description: 'Most recent interactions kept per history' }),
    dropout: z.number().min(0).max(0.9).default(0.2).meta({ title: 'Dropout', description: 'Dropout rate on embeddings and blocks' }),
  })
  .strict();

export const trainConfigSchema = z
  .object({
    epochs: z.number().int().min(1).max(10000).default(200).meta({ title: 'Epochs', description: 'Passes over the training sequences' }),
    batchSize: z.number().int().min(1).max(4096).default(128).meta({ title: 'Batch size', description: 'Sequences per step' }),
    learningRate: z.number().positive().max(1).default(1e-3).meta({ title: 'Learning rate', description: 'Adam step size' }),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42).meta({ title: 'Seed', description: 'Initialisation, batch order and dropout' }),
  })
  .strict();

export const evalConfigSchema = z
  .object({
    negatives: z.number().int().min(1).max(10000).default(100).meta({ title: 'Negatives', description: 'Sampled negatives per test positive (1 + N candidates)' }),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(2024).meta({ title: 'Sampler seed', description: 'Seed of the negative sampler, stored with every metric' }),
    fullRanking: z.boolean().default(true).meta({ title: 'Full ranking', description: 'Also rank every item (slower, no sampling bias)' }),
  })
  .strict();

/** SASRec: the conventional sequential recommender every LLM recipe is compared with. */
export const sasrecSpecSchema = z
  .object({
    model: z.literal('sasrec'),
    modelConfig: sasRecConfigSchema.default(sasRecConfigSchema.parse({})),
    train: trainConfigSchema.default(trainConfigSchema.parse({})),
    eval: evalConfigSchema.default(evalConfigSchema.parse({})),
  })
  .strict();

/**
 * Which language model a recipe starts from: 'scratch' (a small LM pretrained on the dataset's
 * item text first) or the id of a model registered on the Models page (a local HF folder).
 */
export const baseModelSchema = z
  .string()
  .regex(/^(scratch|[A-Za-z0-9_-]{1,64})$/)
  .default('scratch')
  .meta({ title: 'Base model', description: "'scratch' pretrains a small LM on the item text first; or a model from the Models page", format: 'model-ref' });

/** From-scratch LM pretraining on the dataset's item text (tokenizer + small Qwen2-style decoder). */
export const lmPretrainSpecSchema = z
  .object({ model: z.literal('lm-pretrain'), settings: lmPretrainSettingsSchema.default(lmPretrainSettingsSchema.parse({})).meta({ title: 'Pretraining' }) })
  .strict();

/** RecBase: CL-VAE semantic IDs + autoregressive code model, zero-shot on a held-out domain. */
export const recbaseSpecSchema = z
  .object({ model: z.literal('recbase'), settings: recBaseSettingsSchema.default(recBaseSettingsSchema.parse({})).meta({ title: 'RecBase' }) })
  .strict();

/** PAD: pre-train, MK-MMD align, disentangle with triple experts; compared with SASRec on cold and warm items. */
export const padSpecSchema = z
  .object({ model: z.literal('pad'), settings: padSettingsSchema.default(padSettingsSchema.parse({})).meta({ title: 'PAD' }) })
  .strict();

/** ReLLaX: SUBR retrieval, SPA soft prompts, CFLoRA — the ablation table in one run. */
export const rellaxSpecSchema = z
  .object({ model: z.literal('rellax'), settings: rellaxSettingsSchema.default(rellaxSettingsSchema.parse({})).meta({ title: 'ReLLaX' }) })
  .strict();

/** The language model of an LLM recipe: the only field that differs between a from-scratch run and a real checkpoint. */
const llmBaseSchema = z.object({ model: baseModelSchema }).strict();
const llmBase = llmBaseSchema.default(llmBaseSchema.parse({})).meta({ title: 'Language model' });

/** CPRec: all-domain continual pre-training under WSA, next-item ranking before/after on warm and cold targets. */
export const cprecSpecSchema = z
  .object({ model: z.literal('cprec'), base: llmBase, settings: cprecSettingsSchema.default(cprecSettingsSchema.parse({})).meta({ title: 'CPRec' }) })
  .strict();

/** RecCocktail: base-spirit + ingredient LoRAs, merged with a grid or entropy-guided λ. */
export const reccocktailSpecSchema = z
  .object({ model: z.literal('reccocktail'), base: llmBase, settings: recCocktailSettingsSchema.default(recCocktailSettingsSchema.parse({})).meta({ title: 'RecCocktail' }) })
  .strict();

/** The recipes that run through the generic recipe runner (everything but SASRec). */
export const RECIPE_RUN_MODELS = ['lm-pretrain', 'recbase', 'pad', 'rellax', 'cprec', 'reccocktail'] as const;
export type RecipeRunModel = (typeof RECIPE_RUN_MODELS)[number];

const SPECS = [sasrecSpecSchema, lmPretrainSpecSchema, recbaseSpecSchema, padSpecSchema, rellaxSpecSchema, cprecSpecSchema, reccocktailSpecSchema] as const;

/** What to run, without the dataset (pipeline files name the dataset apart). */
export const runSpecSchema = z.discriminatedUnion('model', SPECS);

/** runs.start: a run spec on a dataset of the workspace. */
export const startRunRequestSchema = z.discriminatedUnion('model', [
  sasrecSpecSchema.extend({ datasetId: idSchema }),
  lmPretrainSpecSchema.extend({ datasetId: idSchema }),
  recbaseSpecSchema.extend({ datasetId: idSchema }),
  padSpecSchema.extend({ datasetId: idSchema }),
  rellaxSpecSchema.extend({ datasetId: idSchema }),
  cprecSpecSchema.extend({ datasetId: idSchema }),
  reccocktailSpecSchema.extend({ datasetId: idSchema }),
]);

export type RunSpec = z.input<typeof runSpecSchema>;
export type StartRunRequest = z.input<typeof startRunRequestSchema>;
export type StartRunRequestParsed = z.output<typeof startRunRequestSchema>;
