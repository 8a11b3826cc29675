/**
 * zod schemas for every invoke payload. The host validates each request with these before it
 * reaches a handler; the request types below are inferred from them, so they are declared once.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of letters, digits, _ or -');

/** A file given to an import: a real path (Electron drop, CLI) or an upload staged by the web host. */
export const fileRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: id, name: z.string().min(1).max(255) }).strict(),
]);

export const importRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    format: z.enum(['movielens-100k', 'csv', 'movielens-1m', 'movielens-csv', 'amazon-2014', 'amazon-2018', 'amazon-2023', 'recbole']),
    files: z.array(fileRefSchema).min(1).max(16),
    /** Iterative k-core on users and items. */
    minInteractions: z.number().int().min(1).max(1000).default(5),
  })
  .strict();

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

export const startRunRequestSchema = z
  .object({
    datasetId: id,
    model: z.literal('sasrec'),
    modelConfig: sasRecConfigSchema.default(sasRecConfigSchema.parse({})),
    train: trainConfigSchema.default(trainConfigSchema.parse({})),
    eval: evalConfigSchema.default(evalConfigSchema.parse({})),
  })
  .strict();

/** A training log from another tool, imported as a run to compare with (CSV or JSON lines). */
export const importLogRequestSchema = z.object({ name: z.string().trim().min(1).max(120), file: fileRefSchema }).strict();

export const runIdRequestSchema = z.object({ runId: id }).strict();
export const datasetIdRequestSchema = z.object({ datasetId: id }).strict();
export const emptyRequestSchema = z.object({}).strict().optional();

export type FileRef = z.infer<typeof fileRefSchema>;
export type ImportRequest = z.input<typeof importRequestSchema>;
export type ImportRequestParsed = z.output<typeof importRequestSchema>;
export type StartRunRequest = z.input<typeof startRunRequestSchema>;
export type StartRunRequestParsed = z.output<typeof startRunRequestSchema>;
export type RunIdRequest = z.infer<typeof runIdRequestSchema>;
export type ImportLogRequest = z.infer<typeof importLogRequestSchema>;
export type DatasetIdRequest = z.infer<typeof datasetIdRequestSchema>;
