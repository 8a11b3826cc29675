/** How a run is named in lists, titles and chart legends. */
import type { RunSummary } from '../../core/protocol';

const MODEL_NAMES: Readonly<Record<RunSummary['model'], string>> = { sasrec: 'SASRec', external: 'Imported log' };

/** "SASRec · ml-100k", "Imported log · pytorch-ref.csv". */
export function runTitle(run: RunSummary): string {
  return `${MODEL_NAMES[run.model]} · ${run.datasetName}`;
}

/** "15 epochs" for trained runs, "training log" for imported ones. */
export function runScale(run: RunSummary): string {
  return run.config === null ? 'training log' : `${run.config.train.epochs} epochs`;
}
