/**
 * The contract between a recipe and whoever runs it (the training worker, the CLI, a test).
 * The host turns a workspace dataset into RecipeSources (one per domain; items carry the text
 * rendered with the dataset's item template) and gives the run a folder; the recipe reports
 * everything (stages, loss and lr points, metrics, result tables, artifacts) as events, which the
 * host persists with the run. Resumable recipes keep their state under `runDir/checkpoints`.
 */
import type { z } from 'zod';
import type { InteractionColumns } from '../data/splits/columns';
import type { MetricRecord, RunProgress, TrainPoint } from '../protocol/dto';
import type { ResultTable, RunArtifact } from '../protocol/recipeRun';
import type { LmTrainEvent } from '../train/lm/progress';
import type { TrainCache } from '../train/lm/trainCache';
import type { RecipeTrainHooks } from '../train/lm/trainInMemory';
import type { RecipeFiles } from './llm/recipeFiles';
import { stageCheckpoints, type StageCheckpoints } from './llm/stageCheckpoints';

/** An item as recipes see it. */
export interface RecipeItem {
  readonly rawId: string;
  readonly title: string | null;
  readonly genres: readonly string[];
  /** The item's text under the dataset's template (RecBase unified by default). */
  readonly text: string;
}

/** One dataset, or one domain of a combined corpus. Satisfies DomainSource (core/data/multidomain). */
export interface RecipeSource {
  /** Domain name (the dataset's name for a single dataset). */
  readonly name: string;
  /** users[userIdx] = raw user id (0-based). */
  readonly users: readonly string[];
  /** items[itemIdx - 1] (item indices are 1-based; 0 is padding). */
  readonly items: readonly RecipeItem[];
  /** Grouped by user, chronological within a user (`ord`); `rating` when the source had one. */
  readonly rows: InteractionColumns;
  /** Same space + same raw id = same person across domains (default 'shared'). */
  readonly userSpace?: string;
}

/** Where a recipe's language model comes from: trained from scratch, or a local HF folder. */
export type RecipeModelRef = { readonly kind: 'scratch' } | { readonly kind: 'folder'; readonly path: string };

/** Everything a run starts from. */
export interface RecipeRunInput<S> {
  readonly runId: string;
  readonly settings: S;
  readonly sources: readonly RecipeSource[];
  readonly model: RecipeModelRef;
}

/**
 * What a running recipe reports. `series` names one training inside the run ("base spirit",
 * "ingredient", "CL-VAE"); each series has its own step axis, and charts draw one line per series.
 */
export type RecipeRunEvent =
  | { readonly kind: 'stage'; readonly stage: string } // a stage id of the recipe's catalog entry
  | { readonly kind: 'lm'; readonly series: string; readonly event: LmTrainEvent }
  | { readonly kind: 'train'; readonly series: string; readonly points: readonly TrainPoint[]; readonly progress: RunProgress }
  | { readonly kind: 'metrics'; readonly metrics: readonly MetricRecord[] }
  | { readonly kind: 'table'; readonly table: ResultTable }
  | { readonly kind: 'artifact'; readonly artifact: RunArtifact };

/** What the runner of a recipe provides. */
export interface RecipeRunIo {
  /** The run's folder: checkpoints under checkpoints/, exported files under artifacts/. */
  readonly runDir: string;
  /** Continue from the checkpoints in runDir (same settings and data). */
  readonly resume: boolean;
  emit(event: RecipeRunEvent): void;
  isCancelled(): boolean;
  /** Lets a cancel message in between two steps. */
  yieldToEventLoop(): Promise<void>;
  /** Milliseconds, monotonic. */
  now(): number;
  /** The workspace's trained-stage cache; absent (tests, a window's WebGPU run): every stage trains. */
  readonly trainCache?: TrainCache;
}

/** LM training hooks that reuse the workspace's cached stages and say so on the run's stage line (`nameOf`: a training's series name). */
export function cacheHooks(io: RecipeRunIo, nameOf: (runId: string) => string): Pick<RecipeTrainHooks, 'cache' | 'onReused'> {
  if (io.trainCache === undefined) return {};
  return { cache: io.trainCache, onReused: (runId) => io.emit({ kind: 'stage', stage: `${nameOf(runId)}: reused from the workspace cache` }) };
}

/** The run's stage checkpoints (resume), saying on its stage line when one could not be saved. */
export function runStageCheckpoints(files: RecipeFiles, io: RecipeRunIo, fingerprint: string): StageCheckpoints {
  return stageCheckpoints(files, io.runDir, io.resume, fingerprint, (stage, reason) => io.emit({ kind: 'stage', stage: `${stage}: not saved for resume (${reason})` }));
}

export type RecipeRunOutcome = { readonly status: 'done' } | { readonly status: 'cancelled' };

/** True when `err` is the engine's cancellation (thrown by training loops between steps). */
export function isCancellation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'cancelled';
}

/** Runs a recipe's body: done when it returns, cancelled when a stage stopped on io.isCancelled(). */
export async function outcomeOf(body: () => Promise<void>): Promise<RecipeRunOutcome> {
  try {
    await body();
    return { status: 'done' };
  } catch (err) {
    if (isCancellation(err)) return { status: 'cancelled' };
    throw err;
  }
}

/** What the worker gives an action: the worker runs every message on one thread, so a long action yields between steps. */
export interface RecipeActionIo {
  /** Lets the worker's other messages (a job's cancel, this action's cancel, other replies) in between two steps. */
  yieldToEventLoop(): Promise<void>;
  /** True once the studio asked to stop this action (runs.cancelAction); checked between steps, which then throw RecForgeError('cancelled'). */
  isCancelled(): boolean;
  /** `done` of `total` steps are finished (long actions, e.g. Auto λ); the worker throttles what it forwards. */
  reportProgress(done: number, total: number): void;
}

/**
 * Something the studio asks of a finished run (e.g. RecCocktail's playground: evaluate at a λ).
 * `args` were validated by the host with the schema core/protocol/recipeActions.ts declares for
 * the action; the result must be JSON (it crosses IPC).
 */
export type RecipeAction = (runDir: string, args: unknown, io: RecipeActionIo) => Promise<unknown>;

/** A recipe the worker can run. */
export interface RecipeRunner<S> {
  /** The `model` of a run request. */
  readonly id: string;
  /** Settings with defaults; the host validated them with the same schema. */
  readonly settings: z.ZodType<S>;
  run(input: RecipeRunInput<S>, io: RecipeRunIo): Promise<RecipeRunOutcome>;
  /** Actions on a finished run's folder, by name. */
  readonly actions?: Readonly<Record<string, RecipeAction>>;
}
