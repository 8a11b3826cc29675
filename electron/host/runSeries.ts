/**
 * Rebuilds a run's chart series from its events.jsonl (runs of an earlier host process).
 */
import type { RunProgress, TrainPoint } from '../../core/protocol/dto';
import type { Workspace } from '../../core/platform/workspace';

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
    points.push(...event.points);
    progress = event.progress;
  }
  return { points, progress };
}
