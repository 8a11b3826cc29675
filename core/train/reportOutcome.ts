/**
 * How a training worker (the Node thread, or a window's WebGPU Web Worker) turns a TrainJob's
 * end into the one WorkerEvent that closes the run: done with metrics, cancelled, or failed with
 * the error's message. Shared so both paths end runs the same way.
 */
import type { MetricRecord } from '../protocol/dto';
import type { TrainOutcome } from './runTrainJob';

/** The events that close a run. */
export type TrainEndEvent =
  | { readonly type: 'done'; readonly runId: string; readonly metrics: readonly MetricRecord[] }
  | { readonly type: 'cancelled'; readonly runId: string }
  | { readonly type: 'failed'; readonly runId: string; readonly message: string };

/** Runs `train` and reports how it ended; never throws (a failure becomes a 'failed' event). */
export async function reportOutcome(runId: string, train: () => Promise<TrainOutcome>, report: (event: TrainEndEvent) => void): Promise<void> {
  try {
    const outcome = await train();
    report(outcome.status === 'done' ? { type: 'done', runId, metrics: outcome.metrics } : { type: 'cancelled', runId });
  } catch (err) {
    report({ type: 'failed', runId, message: err instanceof Error ? err.message : String(err) });
  }
}
