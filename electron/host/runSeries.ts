/**
 * Rebuilds a run's chart series from its events.jsonl (runs of an earlier host process).
 */
import type { RunProgress, TrainPoint } from '../../core/protocol/dto';
import type { Workspace } from '../../core/platform/workspace';
import { RecForgeError } from '../../core/errors';
import { startRunRequestSchema, type StartRunRequestParsed } from '../../core/protocol/runSchemas';
import { mergeExtras, type RunExtras } from './runStore';
import { appendRewinding } from './seriesMerge';

interface ProgressEvent extends RunExtras {
  type: 'progress';
  points: TrainPoint[];
  progress: RunProgress | null;
  newSeries?: { series: string; offset: number };
}

/** A run's chart state as its event log rebuilds it. */
export interface LoggedSeries {
  readonly points: TrainPoint[];
  readonly progress: RunProgress | null;
  readonly extras: Required<RunExtras>;
  /** Recipe runs: where each series starts on the step axis. */
  readonly seriesOffsets: { series: string; offset: number }[];
}

function isProgressEvent(value: unknown): value is ProgressEvent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'progress';
}

export async function readRunSeries(workspace: Workspace, runId: string): Promise<LoggedSeries> {
  const events = await workspace.readRunEvents(runId);
  const points: TrainPoint[] = [];
  let progress: RunProgress | null = null;
  const extras = { markers: [], stage: null, tables: [], artifacts: [] };
  const seriesOffsets: { series: string; offset: number }[] = [];
  for (const event of events) {
    if (!isProgressEvent(event)) continue;
    appendRewinding(points, event.points);
    progress = event.progress ?? progress;
    mergeExtras(extras, event);
    if (event.newSeries) seriesOffsets.push(event.newSeries);
  }
  return { points, progress, extras, seriesOffsets };
}

/** The validated start request a run was launched with (first 'request' event of its log). */
export async function readRunRequest(workspace: Workspace, runId: string): Promise<StartRunRequestParsed> {
  const events = await workspace.readRunEvents(runId);
  const logged = events.find(
    (e): e is { type: 'request'; request: unknown } => typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'request',
  );
  const parsed = startRunRequestSchema.safeParse(logged?.request);
  if (!parsed.success) throw new RecForgeError('not_found', `run ${runId} has no recorded request to resume from`);
  return parsed.data;
}
