/**
 * The window compute host: a studio window whose module Web Worker passed the WebGPU self-test
 * offers itself to the host (`compute.attach`), receives SASRec train jobs and CPRec / RecCocktail
 * recipe jobs as `compute.onRequest` events (sent to that window only) and answers through invokes
 * (`compute.event`, `compute.writeCheckpoint`, `compute.readCheckpoint`, and for recipe runs the
 * file calls of computeFiles.ts). Every payload is zod-validated by the host.
 * Bytes travel as base64 strings because the web host's transport is JSON (see MAX_CHECKPOINT_BYTES).
 */
import { z } from 'zod';
import { base64Length, base64TextSchema } from './base64';
import type { BackendInfo, EvalConfig, SasRecConfig, TrainConfig } from './dto';
import { idSchema } from './schemas';
import { metricRecordSchema, runProgressSchema, trainPointSchema } from './runEventParts';
import type { RecipeJob, WorkerEvent } from './worker';
import type { ComputeFileCall, ComputeFileReply } from './computeFiles';
import { recipeRunEventSchema } from './recipeEventSchema';
import type { RecipeItem } from '../recipes/runner';

/** Where SASRec jobs train: 'auto' follows the routing rule, 'node' / 'window' force a side (RECFORGE_COMPUTE). */
export const COMPUTE_PREFERENCES = ['auto', 'node', 'window'] as const;
export type ComputePreference = (typeof COMPUTE_PREFERENCES)[number];

/**
 * Largest checkpoint a window host may write or read (bytes before base64): SASRec with Adam
 * moments up to about 4M parameters. Bigger models train on the Node worker.
 */
export const MAX_CHECKPOINT_BYTES = 48 * 1024 * 1024;
/** A WebSocket frame must hold one checkpoint's base64 plus its JSON envelope. */
export const MAX_COMPUTE_MESSAGE_BYTES = base64Length(MAX_CHECKPOINT_BYTES) + 64 * 1024;

/** Where SASRec trains now and why, shown in the status bar. */
export interface ComputeRouting {
  readonly preference: ComputePreference;
  /** 'waiting': the run queue waits for a side to be ready (e.g. forced 'window' and none attached). */
  readonly target: 'node' | 'window' | 'waiting';
  /** The attached window host's backend, null when no window offers WebGPU. */
  readonly window: BackendInfo | null;
  readonly reason: string;
}

/** A leave-one-out split on the wire: each Int32Array as base64 of its little-endian bytes. */
export interface WireLeaveOneOut {
  readonly numItems: number;
  readonly trainOffsets: string;
  readonly trainValues: string;
  readonly validTarget: string;
  readonly testTarget: string;
}

/** A TrainJob on the wire; checkpoints go through compute.writeCheckpoint, so no folder path. */
export interface WireTrainJob {
  readonly runId: string;
  readonly model: 'sasrec';
  readonly modelConfig: SasRecConfig;
  readonly train: TrainConfig;
  readonly eval: EvalConfig;
  readonly data: WireLeaveOneOut;
  readonly resume: boolean;
}

/** Recipes a window compute host can run: the LLM recipes, whose file I/O goes through RecipeFiles. */
export const WINDOW_RECIPES = ['cprec', 'reccocktail'] as const;
export type WindowRecipe = (typeof WINDOW_RECIPES)[number];

/** A recipe source on the wire: its interaction columns as base64 of their little-endian bytes. */
export interface WireRecipeSource {
  readonly name: string;
  readonly users: readonly string[];
  readonly items: readonly RecipeItem[];
  readonly rows: { readonly userIdx: string; readonly itemIdx: string; readonly ts: string; readonly ord: string; readonly rating?: string };
  readonly userSpace?: string;
}

/** A RecipeJob on the wire. Paths are the host's: the window reads and writes them through compute.*File. */
export type WireRecipeJob = Omit<RecipeJob, 'recipe' | 'sources'> & { readonly recipe: WindowRecipe; readonly sources: readonly WireRecipeSource[] };

/** What the host asks of a window compute host (`compute.onRequest`). */
export type ComputeRequest =
  | { readonly type: 'train'; readonly job: WireTrainJob }
  | { readonly type: 'recipe'; readonly job: WireRecipeJob }
  | { readonly type: 'cancel'; readonly runId: string };

/** The WorkerEvents a window compute host reports about its job. */
export type ComputeEvent = Extract<WorkerEvent, { type: 'progress' | 'recipe' | 'done' | 'cancelled' }> | { readonly type: 'failed'; readonly runId: string; readonly message: string };

const runId = idSchema;

/** compute.attach: the window's backend after its self-test passed. */
export const computeAttachRequestSchema = z
  .object({
    backend: z
      .object({ name: z.string().min(1).max(64), detail: z.string().max(2000), patches: z.array(z.string().max(200)).max(64), degraded: z.string().max(2000).exactOptional() })
      .strict(),
  })
  .strict();

/** compute.event: one event of the job the window trains. */
export const computeEventRequestSchema = z
  .object({
    event: z.discriminatedUnion('type', [
      z.object({ type: z.literal('progress'), runId, points: z.array(trainPointSchema).max(100_000), progress: runProgressSchema }).strict(),
      z.object({ type: z.literal('recipe'), runId, event: recipeRunEventSchema }).strict(),
      z.object({ type: z.literal('done'), runId, metrics: z.array(metricRecordSchema).max(1000) }).strict(),
      z.object({ type: z.literal('cancelled'), runId }).strict(),
      z.object({ type: z.literal('failed'), runId, message: z.string().max(10_000) }).strict(),
    ]),
  })
  .strict();

/** A file name in runs/<id>/checkpoints: no folders, no hidden or temp files, not a checksum sidecar. */
const checkpointName = z
  .string()
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/, 'a plain file name (letters, digits, . _ -)')
  .refine((name) => !name.endsWith('.sha256'), 'not a .sha256 checksum file');

/** compute.readCheckpoint: a checkpoint of the run the window trains. */
export const checkpointReadRequestSchema = z.object({ runId, name: checkpointName }).strict();

/** compute.writeCheckpoint: its bytes as padded base64. */
export const checkpointWriteRequestSchema = checkpointReadRequestSchema
  .extend({
    bytes: base64TextSchema(MAX_CHECKPOINT_BYTES),
  })
  .strict();

/** compute.attach's payload. */
export interface ComputeAttachRequest {
  readonly backend: BackendInfo;
}
/** compute.event's payload. */
export interface ComputeEventRequest {
  readonly event: ComputeEvent;
}
// The schemas' output must stay assignable to the declared payloads (compile-time drift check).
computeAttachRequestSchema satisfies z.ZodType<ComputeAttachRequest>;
computeEventRequestSchema satisfies z.ZodType<ComputeEventRequest>;
export type CheckpointReadRequest = z.infer<typeof checkpointReadRequestSchema>;
export type CheckpointWriteRequest = z.infer<typeof checkpointWriteRequestSchema>;

/** compute.readCheckpoint's answer: base64 bytes (checksum verified by the host), or null when none exists. */
export interface CheckpointReadReply {
  readonly bytes: string | null;
}

/** The window → its compute Web Worker. */
export type ToComputeWorker =
  | { readonly type: 'init'; readonly allowSoftwareGpu: boolean }
  | { readonly type: 'request'; readonly request: ComputeRequest }
  | { readonly type: 'reply'; readonly callId: number; readonly ok: true; readonly bytes: string | null }
  | { readonly type: 'reply'; readonly callId: number; readonly ok: false; readonly message: string }
  | { readonly type: 'fileReply'; readonly callId: number; readonly ok: true; readonly value: ComputeFileReply }
  | { readonly type: 'fileReply'; readonly callId: number; readonly ok: false; readonly message: string };

/** The compute Web Worker → its window. */
export type FromComputeWorker =
  | { readonly type: 'ready'; readonly backend: BackendInfo }
  | { readonly type: 'unavailable'; readonly reason: string }
  | { readonly type: 'event'; readonly event: ComputeEvent }
  | { readonly type: 'writeCheckpoint'; readonly callId: number; readonly runId: string; readonly name: string; readonly bytes: string }
  | { readonly type: 'readCheckpoint'; readonly callId: number; readonly runId: string; readonly name: string }
  | { readonly type: 'file'; readonly callId: number; readonly call: ComputeFileCall };
