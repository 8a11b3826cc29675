/**
 * zod schemas for every invoke payload. The host validates each request with these before it
 * reaches a handler; the request types below are inferred from them, so they are declared once.
 */
import { z } from 'zod';

/** Ids of datasets, runs and uploads: safe as file names and SQL values. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of letters, digits, _ or -');
const id = idSchema;

/** A file given to an import: a real path (Electron drop, CLI) or an upload staged by the web host. */
export const fileRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: id, name: z.string().min(1).max(255) }).strict(),
]);

const column = z.string().min(1).max(256);

/** Which source column plays which role (generic tables). */
export const columnMappingSchema = z
  .object({
    user: column, item: column, timestamp: column,
    rating: column.optional(), label: column.optional(), title: column.optional(), genres: column.optional(),
    text: z.array(column).max(32).optional(), domain: column.optional(),
  })
  .strict();

/** Preprocessing at import besides the k-core. */
export const importOptionsSchema = z
  .object({
    dedupe: z.enum(['keep-all', 'keep-first', 'keep-last']).optional(),
    ratingThreshold: z.object({ min: z.number().finite(), mode: z.enum(['filter', 'label']) }).strict().optional(),
    maxHistory: z.number().int().min(1).max(1_000_000).optional(),
    onError: z.enum(['fail', 'skip']).optional(),
  })
  .strict();

/** Formats read by DuckDB through a column mapping. */
export const TABULAR_FORMATS = ['csv', 'tsv', 'jsonl', 'parquet'] as const;

export const importRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    format: z.enum(['movielens-100k', 'csv', 'movielens-1m', 'movielens-csv', 'amazon-2014', 'amazon-2018', 'amazon-2023', 'recbole', 'tsv', 'jsonl', 'parquet']),
    files: z.array(fileRefSchema).min(1).max(16),
    /** Iterative k-core on users and items. */
    minInteractions: z.number().int().min(1).max(1000).default(5),
    /** Generic tables: the roles of their columns (suggested from the header when omitted). */
    mapping: columnMappingSchema.optional(),
    options: importOptionsSchema.optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    // A named format is read by its own parser, which takes neither: refuse rather than ignore them.
    if ((TABULAR_FORMATS as readonly string[]).includes(req.format)) return;
    for (const key of ['mapping', 'options'] as const) {
      if (req[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `only ${TABULAR_FORMATS.join(', ')} imports take ${key === 'mapping' ? 'a column mapping' : 'import options'}; ${req.format} is read by its own parser` });
    }
  });

/** Files to preview before mapping their columns. */
export const previewRequestSchema = z.object({ files: z.array(fileRefSchema).min(1).max(16) }).strict();

const seed = z.number().int().min(0).max(2 ** 31 - 1);

/** Define an evaluation split of a dataset (and, optionally, its sampled test candidates). */
export const splitRequestSchema = z
  .object({
    datasetId: id,
    kind: z.enum(['leave-one-out', 'temporal-ratio', 'cold-item']),
    /** temporal-ratio: [train, valid, test] shares summing to 1. */
    ratios: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]).optional(),
    /** cold-item: share of items made cold, and how they are chosen. */
    coldFraction: z.number().gt(0).lt(1).optional(),
    coldStrategy: z.enum(['newest', 'random']).optional(),
    seed: seed.default(2024),
    candidates: z.object({ negatives: z.number().int().min(1).max(10_000), strategy: z.enum(['uniform', 'popularity']) }).strict().optional(),
  })
  .strict();

/** Preview (template given: try it) or read a dataset's item text template. */
export const itemTextRequestSchema = z.object({ datasetId: id, template: z.string().max(4000).optional() }).strict();
/** recipes.previewInstruction: a RecCocktail instruction template and the settings it renders with. */
export const instructionPreviewRequestSchema = z
  .object({
    datasetId: id,
    recipe: z.literal('reccocktail'),
    template: z.string().max(4000),
    itemText: z.enum(['title', 'genres-title']).default('title'),
    targetDomain: z.string().max(200).default(''),
    maxHistory: z.number().int().min(1).max(50).default(3),
    negatives: z.number().int().min(1).max(99).default(29),
  })
  .strict();
/** Save a dataset's item text template. */
export const setItemTemplateRequestSchema = z.object({ datasetId: id, template: z.string().min(1).max(4000) }).strict();

/** Combine datasets as the domains of a new one. */
export const combineRequestSchema = z
  .object({ name: z.string().trim().min(1).max(120), datasetIds: z.array(id).min(2).max(16), users: z.enum(['shared', 'separate']).default('shared') })
  .strict();

/** Export a dataset as files other tools read. */
export const exportRequestSchema = z.object({ datasetId: id, format: z.enum(['parquet', 'recbole']) }).strict();

/** A training log from another tool, imported as a run to compare with (CSV or JSON lines). */
export const importLogRequestSchema = z.object({ name: z.string().trim().min(1).max(120), file: fileRefSchema }).strict();

export const runIdRequestSchema = z.object({ runId: id }).strict();

/** A local folder (absolute path) holding a Hugging Face model. */
export const modelFolderRequestSchema = z.object({ path: z.string().min(1).max(4096) }).strict();
/** Register a model folder under a name. */
export const registerModelRequestSchema = z.object({ path: z.string().min(1).max(4096), name: z.string().trim().min(1).max(120) }).strict();
export const modelIdRequestSchema = z.object({ modelId: id }).strict();

/** The user's notes and tags on a run (either may be given alone). */
export const annotateRunRequestSchema = z
  .object({
    runId: id,
    notes: z.string().max(10_000).optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  })
  .strict();
export const datasetIdRequestSchema = z.object({ datasetId: id }).strict();
/** One split of a dataset. */
export const splitIdRequestSchema = z.object({ datasetId: id, splitId: id }).strict();
export const emptyRequestSchema = z.object({}).strict().optional();

export type FileRef = z.infer<typeof fileRefSchema>;
export type ImportRequest = z.input<typeof importRequestSchema>;
export type ImportRequestParsed = z.output<typeof importRequestSchema>;
export type PreviewRequest = z.infer<typeof previewRequestSchema>;
export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type CombineRequest = z.input<typeof combineRequestSchema>;
export type CombineRequestParsed = z.output<typeof combineRequestSchema>;
export type ItemTextRequest = z.infer<typeof itemTextRequestSchema>;
export type InstructionPreviewRequest = z.input<typeof instructionPreviewRequestSchema>;
export type InstructionPreviewRequestParsed = z.output<typeof instructionPreviewRequestSchema>;
export type SetItemTemplateRequest = z.infer<typeof setItemTemplateRequestSchema>;
export type SplitRequest = z.input<typeof splitRequestSchema>;
export type SplitRequestParsed = z.output<typeof splitRequestSchema>;
export type RunIdRequest = z.infer<typeof runIdRequestSchema>;
export type AnnotateRunRequest = z.infer<typeof annotateRunRequestSchema>;

/** Register a model folder a run produced (an 'hf-model' artifact, by its path in the run folder). */
export const runModelRequestSchema = z
  .object({
    runId: id,
    // Plain names only: no '.' or '..' segments, so the path cannot leave the run folder.
    path: z.string().max(1024).regex(/^artifacts(\/(?!\.{1,2}(\/|$))[\w.-]+)+$/, "a path under the run folder's artifacts/"),
    name: z.string().trim().min(1).max(120),
  })
  .strict();
export type RunModelRequest = z.infer<typeof runModelRequestSchema>;

/** An artifact of a run, by its path in the run folder. */
export const runArtifactRequestSchema = runModelRequestSchema.omit({ name: true });
export type RunModelArtifactRequest = z.infer<typeof runArtifactRequestSchema>;
export type ModelFolderRequest = z.infer<typeof modelFolderRequestSchema>;
export type RegisterModelRequest = z.infer<typeof registerModelRequestSchema>;
export type ModelIdRequest = z.infer<typeof modelIdRequestSchema>;
export type ImportLogRequest = z.infer<typeof importLogRequestSchema>;
export type DatasetIdRequest = z.infer<typeof datasetIdRequestSchema>;
export type SplitIdRequest = z.infer<typeof splitIdRequestSchema>;
