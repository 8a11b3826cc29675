import type { ApiError, StartRunRequest } from '../../core/protocol';
import { useStore } from '../store';
import { applyRunState, applyRunSummary } from '../store/reducers';
import { invoke, toApiError } from './invoke';
import { askNotificationPermission } from './runNotifications';

const { setState, getState } = useStore;

function report(context: string, error: unknown): void {
  getState().pushError(context, toApiError(error));
}

/** Deletes a dataset (its runs keep their metrics). */
export async function removeDataset(datasetId: string): Promise<void> {
  try {
    await invoke('datasets.remove', { datasetId });
    setState((s) => ({ datasets: s.datasets.filter((d) => d.id !== datasetId) }));
  } catch (error) {
    report('Remove dataset', error);
  }
}

/** Starts a run and opens its page; returns why the host refused, or null. */
export async function startRun(request: StartRunRequest): Promise<ApiError | null> {
  try {
    askNotificationPermission();
    const run = await invoke('runs.start', request);
    setState((s) => applyRunSummary(s, run));
    getState().openRun(run.id);
    return null;
  } catch (error) {
    // The form shows it beside its Start button, on the fields it names (not in the page banner).
    return toApiError(error);
  }
}

/** Trains SASRec on the bundled demo dataset and opens the run. */
export async function runDemo(): Promise<void> {
  try {
    askNotificationPermission();
    const run = await invoke('demo.run', {});
    setState((s) => applyRunSummary(s, run));
    getState().openRun(run.id);
  } catch (error) {
    report('Run demo', error);
  }
}

/** Cancel (between two batches) or resume (from the last checkpoint) a run. */
export async function changeRun(action: 'runs.cancel' | 'runs.resume', runId: string): Promise<void> {
  try {
    const run = await invoke(action, { runId });
    setState((s) => applyRunSummary(s, run));
  } catch (error) {
    report(action === 'runs.cancel' ? 'Cancel run' : 'Resume run', error);
  }
}

const loading = new Set<string>();

/** Loads a run's full state (series, progress, metrics), e.g. when its page opens; one request per run at a time. */
export async function loadRun(runId: string): Promise<void> {
  if (loading.has(runId)) return;
  loading.add(runId);
  try {
    const state = await invoke('runs.get', { runId });
    setState((s) => applyRunState(s, state));
  } catch (error) {
    report('Load run', error);
  } finally {
    loading.delete(runId);
  }
}

/** Saves a run's notes and tags. */
export async function annotateRun(runId: string, notes: string, tags: readonly string[]): Promise<boolean> {
  try {
    const run = await invoke('runs.annotate', { runId, notes, tags: [...tags] });
    setState((s) => applyRunSummary(s, run));
    return true;
  } catch (error) {
    report('Save notes', error);
    return false;
  }
}
