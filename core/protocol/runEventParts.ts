/**
 * zod schemas of the pieces run events are made of — train points, progress, metrics with their
 * evaluation protocol — shared by compute.event's SASRec events and recipe events
 * (recipeEventSchema.ts), so a window's report is checked as strictly on either path.
 */
import { z } from 'zod';

/** A finite number (JSON carries no NaN or Infinity). */
export const finite = z.number().refine(Number.isFinite, 'a finite number');
/** A whole number ≥ 0. */
export const count = z.number().int().min(0);

/** TrainPoint. */
export const trainPointSchema = z.object({ step: count, epoch: count, loss: finite, lr: finite }).strict();
/** RunProgress. */
export const runProgressSchema = z
  .object({
    step: count,
    totalSteps: count,
    epoch: count,
    epochs: count,
    etaSeconds: finite.nullable(),
    phase: z.enum(['train', 'eval']),
    label: z.string().max(200).exactOptional(),
  })
  .strict();

/** EvalProtocol. */
export const evalProtocolSchema = z
  .object({
    split: z.enum(['leave-one-out', 'cold-item', 'held-out-domain', 'temporal', 'held-out-text']),
    target: z.enum(['valid', 'test']),
    candidates: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('sampled'), negatives: count, sampler: z.enum(['uniform', 'popularity']), seed: count }).strict(),
      z.object({ kind: z.literal('full') }).strict(),
      z.object({ kind: z.literal('labelled') }).strict(),
      z.object({ kind: z.literal('tokens') }).strict(),
    ]),
    excludeHistory: z.boolean(),
    users: count,
    segment: z.enum(['all', 'warm', 'cold']).exactOptional(),
    domain: z.string().max(200).exactOptional(),
    seed: count.exactOptional(),
    chance: finite.exactOptional(),
    scoredLevels: count.exactOptional(),
  })
  .strict();

/** MetricRecord (value with its protocol). */
export const metricRecordSchema = z
  .object({ name: z.string().min(1).max(64), k: count.nullable(), value: finite, protocol: evalProtocolSchema, variant: z.string().max(64).exactOptional() })
  .strict();
