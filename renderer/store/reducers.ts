import type { DatasetSummary, RunProgress, RunProgressDelta, RunState, RunSummary } from '../../core/protocol';
import { canResume } from '../lib/runStatus';
import { appendPoints, EMPTY_SERIES, pointsOf, seriesFromColumns } from './series';
import type { RunExtrasView, RunSlice } from './types';

type RunData = Pick<RunSlice, 'runs' | 'series' | 'progress' | 'extras'>;

const NO_EXTRAS: RunExtrasView = { markers: [], stage: null, tables: [], artifacts: [] };

/** Adds new markers, tables (by id) and artifacts (by path) and takes the stage, as the host does. */
export function mergeExtras(current: RunExtrasView | undefined, add: Partial<RunExtrasView>): RunExtrasView {
  const base = current ?? NO_EXTRAS;
  const markers = [...base.markers, ...(add.markers ?? []).filter((m) => !base.markers.some((x) => x.step === m.step && x.label === m.label))];
  const tables = (add.tables ?? []).reduce((acc, t) => [...acc.filter((x) => x.id !== t.id), t], [...base.tables]);
  const artifacts = (add.artifacts ?? []).reduce((acc, a) => [...acc.filter((x) => x.path !== a.path), a], [...base.artifacts]);
  return { markers, tables, artifacts, stage: add.stage !== undefined ? add.stage : base.stage };
}

function hasExtras(x: Partial<RunExtrasView>): boolean {
  return x.markers !== undefined || x.tables !== undefined || x.artifacts !== undefined || x.stage !== undefined;
}

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
  // Another training of a recipe run (its own step axis) or another of its phases.
  if (next.label !== current.label) return next;
  if (next.step === current.step && next.phase === 'eval') return next;
  return current;
}

/**
 * runs.onStatus: a run changed status (or appeared). A resumed run (ended → queued) drops its old
 * progress: it restarts at its last checkpoint, below the step it had reached, and that older
 * report would otherwise hold the bar and the ETA until the run passed it again.
 */
export function applyRunSummary(state: RunData, summary: RunSummary): Pick<RunData, 'runs' | 'progress'> {
  const before = state.runs.find((r) => r.id === summary.id)?.status;
  const resumed = before !== undefined && canResume(before) && summary.status === 'queued';
  if (!resumed || !(summary.id in state.progress)) return { runs: upsertRun(state.runs, summary), progress: state.progress };
  const { [summary.id]: _dropped, ...progress } = state.progress;
  return { runs: upsertRun(state.runs, summary), progress };
}

/** runs.onProgress: append the delta's points and take its progress. */
export function applyProgressDelta(state: RunData, delta: RunProgressDelta): Pick<RunData, 'series' | 'progress' | 'extras'> {
  const previous = state.series[delta.runId] ?? EMPTY_SERIES;
  return {
    series: { ...state.series, [delta.runId]: appendPoints(previous, delta.points) },
    progress: { ...state.progress, [delta.runId]: newerProgress(state.progress[delta.runId], delta.progress) },
    extras: hasExtras(delta) ? { ...state.extras, [delta.runId]: mergeExtras(state.extras[delta.runId], delta) } : state.extras,
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
    extras: hasExtras(snapshot) ? { ...state.extras, [id]: mergeExtras(state.extras[id], snapshot) } : state.extras,
  };
}
