/**
 * Messages between the host and the one long-lived training worker (worker_threads).
 * Discriminated unions, switched exhaustively on `type` at both ends.
 */
import type { RecipeModelRef, RecipeRunEvent, RecipeSource } from '../recipes/runner';
import type { RecipeRunModel } from './runSchemas';
import type { ApiError, BackendInfo, EvalConfig, MetricRecord, RunProgress, SasRecConfig, TrainConfig, TrainPoint } from './dto';

/**
 * Variable-length integer sequences packed CSR-style: sequence i is values[offsets[i] .. offsets[i+1]).
 * Typed arrays so they transfer to the worker without copying.
 */
export interface PackedSequences {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/**
 * A leave-one-out split ready for training. Items are 1-based (0 is padding), users 0-based.
 * For user u: train = the chronological history minus its last two items, valid = the second-to-last,
 * test = the last. Users with fewer than 3 interactions have no valid/test target (-1 / 0 marks none).
 */
export interface LeaveOneOutData {
  readonly numItems: number;
  readonly train: PackedSequences;
  /** Per user, 0 when the user has no validation target. */
  readonly validTarget: Int32Array;
  /** Per user, 0 when the user has no test target. */
  readonly testTarget: Int32Array;
}

export interface TrainJob {
  readonly runId: string;
  readonly model: 'sasrec';
  readonly modelConfig: SasRecConfig;
  readonly train: TrainConfig;
  readonly eval: EvalConfig;
  readonly data: LeaveOneOutData;
  /** Folder for checkpoints (runs/<id>/checkpoints). */
  readonly checkpointDir: string;
  /** Continue from the run's last checkpoint (model, Adam state, RNG streams, data position). */
  readonly resume?: boolean;
}

/** A run of a recipe other than SASRec (see core/recipes/runner.ts). */
export interface RecipeJob {
  readonly runId: string;
  readonly recipe: RecipeRunModel;
  /** Validated by the host with the recipe's schema (defaults applied). */
  readonly settings: unknown;
  readonly sources: readonly RecipeSource[];
  readonly model: RecipeModelRef;
  /** The run's folder (runs/<id>). */
  readonly runDir: string;
  readonly resume: boolean;
  /** The workspace's trained-stage cache folder (core/train/lm/trainCache.ts); absent: every stage trains. */
  readonly cacheDir?: string;
}

export type WorkerRequest =
  | { readonly type: 'init' }
  | { readonly type: 'train'; readonly job: TrainJob }
  | { readonly type: 'recipe'; readonly job: RecipeJob }
  /** An action on a finished recipe run (runs.action); answered by 'actionResult' with the same callId. */
  | { readonly type: 'action'; readonly callId: number; readonly recipe: RecipeRunModel; readonly action: string; readonly runDir: string; readonly args: unknown }
  /** Stop the action `callId` at its next step (it answers with a 'cancelled' error); ignored once it answered. */
  | { readonly type: 'cancelAction'; readonly callId: number }
  | { readonly type: 'cancel'; readonly runId: string };

export type WorkerEvent =
  | { readonly type: 'ready'; readonly backend: BackendInfo }
  | { readonly type: 'progress'; readonly runId: string; readonly points: readonly TrainPoint[]; readonly progress: RunProgress }
  | { readonly type: 'recipe'; readonly runId: string; readonly event: RecipeRunEvent }
  /** The action `callId` finished `done` of `total` steps (≤ 10 per second, the last step always). */
  | { readonly type: 'actionProgress'; readonly callId: number; readonly done: number; readonly total: number }
  | { readonly type: 'actionResult'; readonly callId: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'actionResult'; readonly callId: number; readonly ok: false; readonly error: ApiError }
  | { readonly type: 'done'; readonly runId: string; readonly metrics: readonly MetricRecord[] }
  | { readonly type: 'cancelled'; readonly runId: string }
  | { readonly type: 'failed'; readonly runId: string | null; readonly message: string };
