import type { StartRunRequest } from '../../core/protocol';
import { defaultDatasetName, detectFormat } from '../lib/detectFormat';
import { useStore } from '../store';
import { applyRunState, applyRunSummary, upsertDataset } from '../store/reducers';
import { invoke, toApiError } from './invoke';
import { askNotificationPermission } from './runNotifications';
import { describeFiles, toFileRefs } from './upload';

/** Largest number of files one import accepts (importRequestSchema). */
const MAX_IMPORT_FILES = 16;
/** Iterative k-core applied at import. */
const MIN_INTERACTIONS = 5;

const { setState, getState } = useStore;

function report(context: string, error: unknown): void {
  getState().pushError(context, toApiError(error));
}

/** Files dropped or picked: detect the format and a default name. */
export function chooseFiles(files: readonly File[]): void {
  if (files.length === 0) return;
  if (files.length > MAX_IMPORT_FILES) {
    setState({ importError: { code: 'validation', message: `Choose at most ${MAX_IMPORT_FILES} files.` } });
    return;
  }
  const described = describeFiles(files);
  setState({
    draft: { files, format: detectFormat(described), name: defaultDatasetName(described) },
    importError: null,
    importProgress: null,
  });
}

/** Uploads (web) or resolves paths (Electron), then imports the draft atomically. */
export async function importDraft(): Promise<void> {
  const { draft, importing } = getState();
  if (draft === null || importing) return;
  setState({ importing: true, importError: null, importProgress: null });
  try {
    const files = await toFileRefs(draft.files, (file, bytesRead, totalBytes) =>
      setState({ importProgress: { file: `Uploading ${file}`, bytesRead, totalBytes } }),
    );
    const request = { name: draft.name.trim(), format: draft.format, files, minInteractions: MIN_INTERACTIONS };
    const dataset = await invoke('datasets.import', request);
    setState((s) => ({ datasets: upsertDataset(s.datasets, dataset), draft: null, importing: false }));
  } catch (error) {
    setState({ importError: toApiError(error), importing: false });
  } finally {
    setState({ importProgress: null });
  }
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

/** Starts a run and opens its page; returns false when the host refused. */
export async function startRun(request: StartRunRequest): Promise<boolean> {
  try {
    askNotificationPermission();
    const run = await invoke('runs.start', request);
    setState((s) => applyRunSummary(s, run));
    getState().openRun(run.id);
    return true;
  } catch (error) {
    report('Start run', error);
    return false;
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
