/**
 * Latest state of every run this host process has seen, so a reloaded window rehydrates
 * (runs.get) without replaying the event log.
 */
import type { RunProgress, RunState, RunSummary, TrainPoint } from '../../core/protocol/dto';
import { appendRewinding, toColumns } from './seriesMerge';

interface MutableRunState {
  summary: RunSummary;
  points: TrainPoint[];
  progress: RunProgress | null;
}

export class RunStore {
  private readonly runs = new Map<string, MutableRunState>();

  upsertSummary(summary: RunSummary): void {
    const state = this.runs.get(summary.id);
    if (state) state.summary = summary;
    else this.runs.set(summary.id, { summary, points: [], progress: null });
  }

  appendProgress(runId: string, points: readonly TrainPoint[], progress: RunProgress): void {
    const state = this.runs.get(runId);
    if (!state) return;
    appendRewinding(state.points, points);
    state.progress = progress;
  }

  /** Seeds a run's series from its event log (runs of earlier host processes). */
  restore(summary: RunSummary, points: readonly TrainPoint[], progress: RunProgress | null): void {
    this.runs.set(summary.id, { summary, points: [...points], progress });
  }

  get(runId: string): RunState | undefined {
    const state = this.runs.get(runId);
    return state && { summary: state.summary, series: toColumns(state.points), progress: state.progress };
  }

  summary(runId: string): RunSummary | undefined {
    return this.runs.get(runId)?.summary;
  }
}
