/**
 * Latest state of every run this host process has seen, so a reloaded window rehydrates
 * (runs.get) without replaying the event log.
 */
import type { ChartMarker, RunProgress, RunState, RunSummary, TrainPoint } from '../../core/protocol/dto';
import type { ResultTable, RunArtifact } from '../../core/protocol/recipeRun';
import { appendRewinding, toColumns } from './seriesMerge';

/** What recipe runs add to the series: markers, the current stage, result tables and artifacts. */
export interface RunExtras {
  readonly markers?: readonly ChartMarker[];
  readonly stage?: string | null;
  readonly tables?: readonly ResultTable[];
  readonly artifacts?: readonly RunArtifact[];
}

interface MutableRunState {
  summary: RunSummary;
  points: TrainPoint[];
  progress: RunProgress | null;
  markers: ChartMarker[];
  stage: string | null;
  tables: ResultTable[];
  artifacts: RunArtifact[];
}

function emptyState(summary: RunSummary): MutableRunState {
  return { summary, points: [], progress: null, markers: [], stage: null, tables: [], artifacts: [] };
}

/** Adds `extras` to `state`: markers and artifacts dedupe by position/path, tables replace by id. */
export function mergeExtras(state: { markers: ChartMarker[]; stage: string | null; tables: ResultTable[]; artifacts: RunArtifact[] }, extras: RunExtras): void {
  for (const m of extras.markers ?? []) {
    if (!state.markers.some((x) => x.step === m.step && x.label === m.label)) state.markers.push(m);
  }
  if (extras.stage !== undefined) state.stage = extras.stage;
  for (const t of extras.tables ?? []) state.tables = [...state.tables.filter((x) => x.id !== t.id), t];
  for (const a of extras.artifacts ?? []) state.artifacts = [...state.artifacts.filter((x) => x.path !== a.path), a];
}

export class RunStore {
  private readonly runs = new Map<string, MutableRunState>();

  upsertSummary(summary: RunSummary): void {
    const state = this.runs.get(summary.id);
    if (state) state.summary = summary;
    else this.runs.set(summary.id, emptyState(summary));
  }

  appendProgress(runId: string, points: readonly TrainPoint[], progress: RunProgress): void {
    const state = this.runs.get(runId);
    if (!state) return;
    appendRewinding(state.points, points);
    state.progress = progress;
  }

  appendExtras(runId: string, extras: RunExtras): void {
    const state = this.runs.get(runId);
    if (state) mergeExtras(state, extras);
  }

  /** Seeds a run's series from its event log (runs of earlier host processes). */
  restore(summary: RunSummary, points: readonly TrainPoint[], progress: RunProgress | null, extras: RunExtras = {}): void {
    const state = { ...emptyState(summary), points: [...points], progress };
    mergeExtras(state, extras);
    this.runs.set(summary.id, state);
  }

  get(runId: string): RunState | undefined {
    const state = this.runs.get(runId);
    if (!state) return undefined;
    const base = { summary: state.summary, series: toColumns(state.points), progress: state.progress };
    const recipe = state.markers.length + state.tables.length + state.artifacts.length > 0 || state.stage !== null;
    return recipe ? { ...base, markers: state.markers, stage: state.stage, tables: state.tables, artifacts: state.artifacts } : base;
  }

  /** The run's latest progress (without building its series). */
  progress(runId: string): RunProgress | null {
    return this.runs.get(runId)?.progress ?? null;
  }

  summary(runId: string): RunSummary | undefined {
    return this.runs.get(runId)?.summary;
  }
}
