/** How a run is named in lists, titles and chart legends. */
import type { RunSummary } from '../../core/protocol';

const MODEL_NAMES: Readonly<Record<RunSummary['model'], string>> = { sasrec: 'SASRec', 'lm-pretrain': 'LM pretraining', recbase: 'RecBase', pad: 'PAD vs SASRec', rellax: 'ReLLaX ablation', cprec: 'CPRec', reccocktail: 'RecCocktail', external: 'Imported log' };

/** "SASRec · ml-100k", "Imported log · pytorch-ref.csv". */
export function runTitle(run: RunSummary): string {
  return `${MODEL_NAMES[run.model]} · ${run.datasetName}`;
}

/** "15 epochs" / "2,000 steps" for trained runs, "training log" for imported ones. */
export function runScale(run: RunSummary): string {
  const train = run.config?.['train'] ?? run.config?.['settings'];
  if (train === undefined) return 'training log';
  if (typeof train['epochs'] === 'number') return `${train['epochs']} epochs`;
  return typeof train['steps'] === 'number' ? `${train['steps']} steps` : 'trained';
}
