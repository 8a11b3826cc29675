/**
 * Rebuilds a run's chart series from its events.jsonl (runs of an earlier host process).
 */
import type { RunProgress, TrainPoint } from '../../core/protocol/dto';
import type { Workspace } from '../../core/platform/workspace';
import { RecForgeError } from '../../core/errors';
import { startRunRequestSchema, type StartRunRequestParsed } from '../../core/protocol/runSchemas';
import { appendRewinding } from './seriesMerge';

interface ProgressEvent {
  type: 'progress';
  points: TrainPoint[];
  progress: RunProgress;
}

function isProgressEvent(value: unknown): value is ProgressEvent {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'progress';
}

export async function readRunSeries(
  workspace: Workspace,
  runId: string,
): Promise<{ points: TrainPoint[]; progress: RunProgress | null }> {
  const events = await workspace.readRunEvents(runId);
  const points: TrainPoint[] = [];
  let progress: RunProgress | null = null;
  for (const event of events) {
    if (!isProgressEvent(event)) continue;
    appendRewinding(points, event.points);
    progress = event.progress;
  }
  return { points, progress };
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
