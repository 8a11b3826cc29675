/**
 * What RunService needs of whatever trains a SASRec or LLM recipe job: the Node training worker (WorkerHost)
 * or a window's WebGPU worker (RemoteWorkerHost). Both report through WorkerEvents.
 */
import type { RecipeJob, TrainJob } from '../../core/protocol/worker';

export interface TrainHost {
  /** 'node': the worker thread; 'window': a studio window's WebGPU Web Worker. */
  readonly kind: 'node' | 'window';
  /** Starts a job; progress and the outcome arrive as WorkerEvents. */
  train(job: TrainJob): void;
  /** Starts a recipe job (the window host takes only CPRec and RecCocktail); events arrive as WorkerEvents. */
  recipe(job: RecipeJob): void;
  /** Asks the job to stop after its current batch. */
  cancel(runId: string): void;
}
