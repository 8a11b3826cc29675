import type { DatasetSummary, RunProgress, RunProgressDelta, RunState, RunSummary } from '../../core/protocol';
import { appendPoints, EMPTY_SERIES, pointsOf, seriesFromColumns } from './series';
import type { RunSlice } from './types';

type RunData = Pick<RunSlice, 'runs' | 'series' | 'progress'>;

/** Replaces the run with the same id in place, or puts a new one first (lists are newest first). */
export function upsertRun(runs: readonly RunSummary[], summary: RunSummary): RunSummary[] {
  const index = runs.findIndex((r) => r.id === summary.id);
  if (index === -1) return [summary, ...runs];
  return runs.map((r, i) => (i === index ? summary : r));
}

/** Same for datasets. */
export function upsertDataset(datasets: readonly DatasetSummary[], summary: DatasetSummary): DatasetSummary[] {
  const index = datasets.findIndex((d) => d.id === summary.id);
  if (index === -1) return [summary, ...datasets];
  return datasets.map((d, i) => (i === index ? summary : d));
}

/** The more advanced of two progress reports (a late snapshot must not move the bar backwards). */
export function newerProgress(current: RunProgress | undefined, next: RunProgress): RunProgress {
  if (current === undefined) return next;
  if (next.step > current.step) return next;
  if (next.step === current.step && next.phase === 'eval') return next;
  return current;
}

/** runs.onStatus: a run changed status (or appeared). */
export function applyRunSummary(state: RunData, summary: RunSummary): Pick<RunData, 'runs'> {
  return { runs: upsertRun(state.runs, summary) };
}

/** runs.onProgress: append the delta's points and take its progress. */
export function applyProgressDelta(state: RunData, delta: RunProgressDelta): Pick<RunData, 'series' | 'progress'> {
  const previous = state.series[delta.runId] ?? EMPTY_SERIES;
  return {
    series: { ...state.series, [delta.runId]: appendPoints(previous, delta.points) },
    progress: { ...state.progress, [delta.runId]: newerProgress(state.progress[delta.runId], delta.progress) },
  };
}

/**
 * runs.get: the host's full snapshot of one run. Points that arrived as deltas after the snapshot was
 * taken are kept (they carry higher steps), so a slow reply never loses live points.
 */
export function applyRunState(state: RunData, snapshot: RunState): RunData {
  const id = snapshot.summary.id;
  const fromSnapshot = seriesFromColumns(snapshot.series);
  const live = pointsOf(state.series[id] ?? EMPTY_SERIES);
  const progress =
    snapshot.progress === null
      ? state.progress
      : { ...state.progress, [id]: newerProgress(state.progress[id], snapshot.progress) };
  return {
    runs: upsertRun(state.runs, snapshot.summary),
    series: { ...state.series, [id]: appendPoints(fromSnapshot, live) },
    progress,
  };
}
