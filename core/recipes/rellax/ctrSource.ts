/**
 * CTR samples from a recipe source (one domain of a workspace dataset): ratings become labels,
 * items keep the text the dataset's template renders. Refuses sources the ablation cannot measure:
 * no ratings, no samples, or a test set with a single class (AUC undefined).
 */
import { RecForgeError } from '../../errors';
import type { RecipeSource } from '../runner';
import { buildCtrDataset, type CtrDataset, type CtrSample } from './ctrData';
import { ctrOptions, type RellaxSettings } from './settings';

const settingsError = (message: string, field: string, expected?: string): RecForgeError =>
  new RecForgeError('validation', message, { file: 'settings', field, ...(expected === undefined ? {} : { expected }) });

function classes(samples: readonly CtrSample[]): number {
  return new Set(samples.map((x) => x.label)).size;
}

/** The source's CTR dataset under the settings' split and label rule. */
export function ctrDatasetFromSource(source: RecipeSource, s: RellaxSettings): CtrDataset {
  const { rating } = source.rows;
  if (rating === undefined || rating.every(Number.isNaN)) {
    throw new RecForgeError('validation', `domain '${source.name}' has no ratings: ReLLaX needs rated interactions for its like / dislike labels`, { file: 'dataset', field: 'rating' });
  }
  const data = buildCtrDataset({ ...source.rows, rating }, source.items.length, ['', ...source.items.map((it) => it.text)], ctrOptions(s));
  if (data.train.length === 0 || data.test.length === 0) throw settingsError(`domain '${source.name}' gives ${data.train.length} training and ${data.test.length} test samples`, 'minHistory', 'a smaller minimum history');
  if (classes(data.test) < 2 || classes(data.train) < 2) throw settingsError(`the like threshold ${s.threshold} leaves a single class in the samples of '${source.name}'`, 'threshold', 'a threshold inside the rating range');
  return data;
}
