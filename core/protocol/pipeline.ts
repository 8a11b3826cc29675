/**
 * A pipeline file: which dataset and which recipe with which settings. The studio exports one
 * for every run and runs one it is given; the CLI (`recforge run <pipeline.json>`) runs the same
 * file through the same validation and the same worker, so both give identical numbers.
 */
import { z } from 'zod';
import { runSpecSchema } from './runSchemas';

/** Where the pipeline's data comes from, portable across workspaces where possible. */
export const pipelineDatasetSchema = z.discriminatedUnion('kind', [
  /** The bundled deterministic demo dataset (generated on demand). */
  z.object({ kind: z.literal('demo') }).strict(),
  /**
   * A dataset of the workspace by name. Names need not be unique: `id` (written when a run's
   * pipeline is exported) picks that very dataset in the workspace it came from; elsewhere, or
   * without it, the newest dataset of that name is used.
   */
  z.object({ kind: z.literal('name'), name: z.string().trim().min(1).max(120), id: z.string().max(64).optional() }).strict(),
]);

export const pipelineSchema = z
  .object({
    format: z.literal('recforge-pipeline'),
    version: z.literal(1),
    name: z.string().trim().min(1).max(120),
    dataset: pipelineDatasetSchema,
    run: runSpecSchema,
  })
  .strict();

export type Pipeline = z.input<typeof pipelineSchema>;
export type PipelineParsed = z.output<typeof pipelineSchema>;
export type PipelineDataset = z.infer<typeof pipelineDatasetSchema>;
