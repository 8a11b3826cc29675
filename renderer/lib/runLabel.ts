/** How a run is named in lists, titles and chart legends. */
import type { RunStop, RunSummary } from '../../core/protocol';
import { formatInt } from './format';
import { canResume } from './runStatus';

const MODEL_NAMES: Readonly<Record<RunSummary['model'], string>> = { sasrec: 'SASRec', 'lm-pretrain': 'LM pretraining', recbase: 'RecBase', pad: 'PAD vs SASRec', rellax: 'ReLLaX ablation', cprec: 'CPRec', reccocktail: 'RecCocktail', external: 'Imported log' };

/** "SASRec · ml-100k", "Imported log · pytorch-ref.csv". */
export function runTitle(run: RunSummary): string {
  return `${MODEL_NAMES[run.model]} · ${run.datasetName}`;
}

/** "1 epoch", "2,000 steps". */
function plural(n: number, unit: string): string {
  return `${formatInt(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** "15 epochs" / "2,000 steps" for trained runs, "training log" for imported ones. */
export function runScale(run: RunSummary): string {
  const train = run.config?.['train'] ?? run.config?.['settings'];
  if (train === undefined) return 'training log';
  if (typeof train['epochs'] === 'number') return plural(train['epochs'], 'epoch');
  return typeof train['steps'] === 'number' ? plural(train['steps'], 'step') : 'trained';
}

/**
 * "stopped at step 620 of 1,200 (ingredient · stable)", "stopped at step 340 of 600, epoch 4 of 15":
 * how far a cancelled or failed run had got (a stage's own steps when the run names its stage).
 */
export function stopLabel(stop: RunStop): string {
  const at = stop.totalSteps > 0 ? `stopped at step ${formatInt(stop.step)} of ${formatInt(stop.totalSteps)}` : 'stopped';
  if (stop.label !== undefined) return `${at} (${stop.label})`;
  return stop.epochs > 1 ? `${at}, epoch ${stop.epoch} of ${stop.epochs}` : at;
}

/** The stop position of a run that can resume, or null. */
export function stopOf(run: RunSummary): RunStop | null {
  return canResume(run.status) && run.stoppedAt !== undefined ? run.stoppedAt : null;
}
