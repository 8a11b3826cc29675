/** Run files from the studio: pipeline files (download one, run one) and imported training logs. */
import type { ApiError, ExportResult, Pipeline } from '../../core/protocol';
import { useStore } from '../store';
import { applyRunSummary } from '../store/reducers';
import { invoke, toApiError } from './invoke';
import { askNotificationPermission } from './runNotifications';
import { toFileRefs } from './upload';

const { setState, getState } = useStore;

/** Saves the run's pipeline as `<run-id>.pipeline.json` (a browser download). */
export async function downloadPipeline(runId: string): Promise<void> {
  try {
    const pipeline = await invoke('runs.pipeline', { runId });
    const blob = new Blob([`${JSON.stringify(pipeline, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${runId}.pipeline.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  } catch (error) {
    getState().pushError('Pipeline file', toApiError(error));
  }
}

/** A refusal located in the file the user picked (the host names a pipeline 'pipeline', as the CLI maps it too). */
function inPipelineFile(error: ApiError, file: string): ApiError {
  return error.location?.file === 'pipeline' ? { ...error, location: { ...error.location, file } } : error;
}

/** Parses a picked pipeline file and runs it; the host validates it like the CLI does. */
export async function runPipelineFile(file: File): Promise<void> {
  try {
    askNotificationPermission();
    let pipeline: Pipeline;
    try {
      pipeline = JSON.parse(await file.text()) as Pipeline;
    } catch (error) {
      throw { code: 'validation', message: `${file.name} is not JSON: ${error instanceof Error ? error.message : String(error)}`, location: { file: file.name } };
    }
    const run = await invoke('pipelines.run', pipeline);
    setState((s) => applyRunSummary(s, run));
    getState().openRun(run.id);
  } catch (error) {
    getState().pushError(`Run ${file.name}`, inPipelineFile(toApiError(error), file.name));
  }
}

/** Uploads (web) or resolves (Electron) a training log and imports it as a run to compare with. */
export async function importTrainingLog(file: File): Promise<void> {
  try {
    const [ref] = await toFileRefs([file], () => undefined);
    if (ref === undefined) return;
    const run = await invoke('runs.importLog', { name: file.name, file: ref });
    setState((s) => applyRunSummary(s, run));
    getState().openRun(run.id); // its page shows what was imported (the list row sits below the form)
  } catch (error) {
    getState().pushError(`Import ${file.name}`, toApiError(error));
  }
}

/** Registers a model folder the run produced; it then appears on the Models page. */
export async function registerRunModel(runId: string, path: string, name: string): Promise<boolean> {
  try {
    await invoke('runs.registerModel', { runId, path, name });
    return true;
  } catch (error) {
    getState().pushError('Register model', toApiError(error));
    return false;
  }
}

/** Copies a run's artifact to the workspace's exports/ (download links in a browser); null on error. */
export async function exportRunArtifact(runId: string, path: string): Promise<ExportResult | null> {
  try {
    return await invoke('runs.exportArtifact', { runId, path });
  } catch (error) {
    getState().pushError('Export artifact', toApiError(error));
    return null;
  }
}
