/**
 * zod schema of RecipeRunEvent (core/recipes/runner.ts), for recipe events a window's compute
 * worker reports (compute.event): every kind — stages, LM plans / phase changes / points, train
 * points, metrics with their protocol, result tables, artifacts — checked field by field, with
 * bounds, so nothing a window sends reaches the run log or the database unchecked. Artifact paths
 * must stay inside the run folder (relative, no '..').
 */
import { z } from 'zod';
import type { RecipeRunEvent } from '../recipes/runner';
import { count, finite, metricRecordSchema, runProgressSchema, trainPointSchema } from './runEventParts';

const label = z.string().min(1).max(200);
const text = z.string().max(2000);
const MAX_POINTS = 100_000;

const lmPointSchema = z
  .object({ step: count, loss: finite, lr: finite, phase: label, source: label, tokens: count, tokensPerSecond: finite, gradNorm: finite })
  .strict();

const lmProgressSchema = z
  .object({ step: count, totalSteps: count, phase: label, source: label, etaSeconds: finite.nullable(), tokensPerSecond: finite.nullable() })
  .strict();

const lmEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), startStep: count, totalSteps: count, boundaries: z.array(z.object({ step: count, phase: label, source: label }).strict()).max(64) }).strict(),
  z.object({ kind: z.literal('phaseChange'), step: count, from: label.nullable(), to: label, source: label }).strict(),
  z.object({ kind: z.literal('progress'), points: z.array(lmPointSchema).max(MAX_POINTS), progress: lmProgressSchema }).strict(),
]);

const cell = z.union([z.string().max(2000), finite, z.null()]);
const resultTableSchema = z
  .object({ id: label, title: text, columns: z.array(text).max(64), rows: z.array(z.array(cell).max(64)).max(10_000), protocol: z.string().max(10_000) })
  .strict()
  .refine((t) => t.rows.every((row) => row.length === t.columns.length), 'every row has one cell per column');

/** A path relative to the run folder that cannot leave it. */
const runRelativePath = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => !/^([\\/]|[A-Za-z]:)/.test(p), 'a path relative to the run folder')
  .refine((p) => !p.split(/[\\/]/).includes('..'), "no '..' segment");

const artifactSchema = z
  .object({ kind: z.enum(['hf-model', 'peft-adapter', 'semantic-ids', 'codebooks', 'text-encoder', 'table']), path: runRelativePath, title: text })
  .strict();

/** RecipeRunEvent, validated. */
export const recipeRunEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), stage: label }).strict(),
  z.object({ kind: z.literal('lm'), series: label, event: lmEventSchema }).strict(),
  z.object({ kind: z.literal('train'), series: label, points: z.array(trainPointSchema).max(MAX_POINTS), progress: runProgressSchema }).strict(),
  z.object({ kind: z.literal('metrics'), metrics: z.array(metricRecordSchema).max(1000) }).strict(),
  z.object({ kind: z.literal('table'), table: resultTableSchema }).strict(),
  z.object({ kind: z.literal('artifact'), artifact: artifactSchema }).strict(),
]);
// The schema's output must stay assignable to the declared event (compile-time drift check).
recipeRunEventSchema satisfies z.ZodType<RecipeRunEvent>;
