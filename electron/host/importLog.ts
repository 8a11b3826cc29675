/**
 * `runs.importLog`: a training log from another tool becomes a finished run of model 'external'
 * (no config, no metrics), stored like any run (DuckDB row + events.jsonl) so it can be charted
 * and overlaid with RecForge runs.
 */
import { parseTrainLog } from '../../core/data/trainLog';
import { openTextSource } from '../../core/platform/textFile';
import type { RunProgress, RunSummary, TrainPoint } from '../../core/protocol/dto';
import type { HostContext } from './hostContext';
import { newRunId } from './ids';

/** Points per logged event: keeps events.jsonl lines a few MB at most. */
const CHUNK = 50_000;

function progressAt(points: readonly TrainPoint[], end: number): RunProgress {
  const last = points[end - 1] as TrainPoint;
  const final = points.at(-1) as TrainPoint;
  return { step: last.step, totalSteps: final.step, epoch: last.epoch, epochs: final.epoch, etaSeconds: null, phase: 'train' };
}

/** Parses the log file and registers it as a done run named `name`. */
export async function importTrainLog(ctx: HostContext, name: string, file: { name: string; path: string }): Promise<RunSummary> {
  const points = await parseTrainLog(await openTextSource(file.path, { name: file.name, encoding: 'utf-8' }));
  const now = new Date().toISOString();
  const summary: RunSummary = {
    id: newRunId(), datasetId: '', datasetName: name, model: 'external', status: 'done',
    createdAt: now, finishedAt: now, config: null, metrics: [], error: null, notes: '', tags: [],
  };
  // Events first, then the database row: a failure leaves at most an unlisted folder, never a run without data.
  ctx.workspace.runDir(summary.id);
  const events: object[] = [{ type: 'import', file: file.name, points: points.length }];
  for (let i = 0; i < points.length; i += CHUNK) {
    const end = Math.min(points.length, i + CHUNK);
    events.push({ type: 'progress', points: points.slice(i, end), progress: progressAt(points, end) });
  }
  await ctx.workspace.appendRunEvents(summary.id, events);
  await ctx.workspace.createRun(summary);
  ctx.store.restore(summary, points, progressAt(points, points.length));
  ctx.bus.emit('runs.onStatus', summary);
  return summary;
}
