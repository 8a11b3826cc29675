/**
 * Turns a recipe run's events (core/recipes/runner.ts) into what the host stores and shows: the
 * run's trainings ("series") laid end to end on one step axis, markers where a series starts and
 * where its data phase or source changes, a progress line naming the series and phase, and the
 * metrics, tables and artifacts as they arrive. A new stage clears the progress: until it reports
 * steps of its own, it has no step count or ETA (an evaluation stage never has). Series offsets are recorded so a resumed run (a
 * new host process) puts its replayed points where they were.
 */
import type { ChartMarker, MetricRecord, RunProgress, TrainPoint } from '../../core/protocol/dto';
import type { ResultTable, RunArtifact } from '../../core/protocol/recipeRun';
import type { RecipeRunEvent } from '../../core/recipes/runner';
import type { LmTrainEvent } from '../../core/train/lm/progress';
import type { RunExtras } from './runStore';

/** What one event changes; everything optional is "nothing new". */
export interface RecipeUpdate {
  readonly points?: readonly TrainPoint[];
  readonly progress?: RunProgress;
  readonly markers?: readonly ChartMarker[];
  readonly stage?: string;
  readonly metrics?: readonly MetricRecord[];
  readonly tables?: readonly ResultTable[];
  readonly artifacts?: readonly RunArtifact[];
  /** A series seen for the first time, with its step offset (persist it). */
  readonly newSeries?: { readonly series: string; readonly offset: number };
}

/** Where each series of a run starts on the run's step axis. */
export class RecipeRunTracker {
  private readonly offsets = new Map<string, number>();
  private end = 0;

  /** `known`: offsets recorded by an earlier process of the same run. */
  constructor(known: readonly { readonly series: string; readonly offset: number }[] = [], lastStep = 0) {
    for (const k of known) this.offsets.set(k.series, k.offset);
    this.end = Math.max(lastStep, ...known.map((k) => k.offset));
  }

  apply(event: RecipeRunEvent): RecipeUpdate {
    switch (event.kind) {
      case 'stage':
        // The previous stage's steps, ETA and speed say nothing about this one (it may not train).
        return { stage: event.stage, progress: NO_PROGRESS };
      case 'metrics':
        return { metrics: event.metrics };
      case 'table':
        return { tables: [event.table] };
      case 'artifact':
        return { artifacts: [event.artifact] };
      case 'train':
        return this.points(event.series, event.points, { ...event.progress, label: event.series });
      case 'lm':
        return this.lm(event.series, event.event);
    }
  }

  private lm(series: string, event: LmTrainEvent): RecipeUpdate {
    if (event.kind === 'phaseChange') return {};
    if (event.kind === 'plan') {
      const start = this.seriesStart(series);
      const markers = event.boundaries.map((b): ChartMarker => ({ step: start.offset + b.step, label: `${b.phase} (${b.source})`, kind: 'phase' }));
      return { ...start.update, markers: [...(start.update.markers ?? []), ...markers] };
    }
    const p = event.progress;
    const progress: RunProgress = {
      step: p.step, totalSteps: p.totalSteps, epoch: 0, epochs: 0, etaSeconds: p.etaSeconds, phase: 'train',
      label: `${series} · ${p.phase} (${p.source})${p.tokensPerSecond === null ? '' : ` · ${Math.round(p.tokensPerSecond)} tokens/s`}`,
    };
    return this.points(series, event.points.map((x) => ({ step: x.step, epoch: 0, loss: x.loss, lr: x.lr })), progress);
  }

  private points(series: string, local: readonly TrainPoint[], progress: RunProgress): RecipeUpdate {
    const start = this.seriesStart(series);
    const points = local.map((p) => ({ ...p, step: start.offset + p.step }));
    for (const p of points) this.end = Math.max(this.end, p.step);
    return { ...start.update, points, progress };
  }

  /** The series' offset; the first time, a new offset after everything so far and its marker. */
  private seriesStart(series: string): { offset: number; update: RecipeUpdate } {
    const known = this.offsets.get(series);
    if (known !== undefined) return { offset: known, update: {} };
    const offset = this.end;
    this.offsets.set(series, offset);
    return { offset, update: { newSeries: { series, offset }, markers: [{ step: offset + 1, label: series, kind: 'series' }] } };
  }
}

/** Before a recipe (or one of its stages) reports any training progress. */
const NO_PROGRESS: RunProgress = { step: 0, totalSteps: 0, epoch: 0, epochs: 0, etaSeconds: null, phase: 'train' };

/** The part of an update that goes to windows (runs.onProgress) and to the event log; null when none. */
export function chartDelta(update: RecipeUpdate, lastProgress: RunProgress | null): (RunExtras & { points: readonly TrainPoint[]; progress: RunProgress }) | null {
  const extras: RunExtras = {
    ...(update.markers ? { markers: update.markers } : {}),
    ...(update.stage !== undefined ? { stage: update.stage } : {}),
    ...(update.tables ? { tables: update.tables } : {}),
    ...(update.artifacts ? { artifacts: update.artifacts } : {}),
  };
  if (update.points === undefined && update.progress === undefined && Object.keys(extras).length === 0) return null;
  return { points: update.points ?? [], progress: update.progress ?? lastProgress ?? NO_PROGRESS, ...extras };
}
