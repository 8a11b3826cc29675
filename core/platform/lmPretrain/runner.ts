/**
 * 'lm-pretrain' as a RecipeRunner: the workspace's sources become one pretraining dataset (items
 * of every domain, each user's history per domain), runLmPretrain trains the tokenizer and the
 * decoder, and the run reports its loss/lr points, the held-out loss as a metric and the exported
 * Hugging Face folder as an artifact that other recipes (and the Models page) can start from.
 */
import path from 'node:path';
import type { MetricRecord } from '../../protocol/dto';
import type { PretrainDataset, PretrainItem } from '../../recipes/lmPretrain/corpus';
import { lmPretrainSettingsSchema } from '../../recipes/lmPretrain/settings';
import type { LmPretrainSettings } from '../../recipes/lmPretrain/settings';
import type { ValLossMetric } from '../../recipes/lmPretrain/valLoss';
import type { RecipeRunner, RecipeSource } from '../../recipes/runner';
import type { LmGenerateArgs } from '../../protocol/recipeActions';
import { generateFromRun } from './generateAction';
import { runLmPretrain } from './runLmPretrain';

/** Where the exported model goes, relative to the run folder. */
export const PRETRAINED_MODEL_PATH = 'artifacts/model';

/** The loss series' name on the run's chart. */
const SERIES = 'pretrain';

/** Items of all sources in order; every user's history of each source, as 0-based indices. */
export function pretrainDatasetOf(sources: readonly RecipeSource[]): PretrainDataset {
  const items: PretrainItem[] = [];
  const userSequences: number[][] = [];
  for (const source of sources) {
    const offset = items.length;
    for (const it of source.items) items.push({ title: it.title ?? '', genres: it.genres, domain: source.name });
    const { userIdx, itemIdx } = source.rows;
    let current = -1;
    for (let r = 0; r < userIdx.length; r++) {
      if (userIdx[r] !== current) {
        current = userIdx[r] as number;
        userSequences.push([]);
      }
      userSequences[userSequences.length - 1]?.push(offset + (itemIdx[r] as number) - 1);
    }
  }
  return { items, userSequences };
}

/** Held-out token loss and perplexity over the histories of the validation users. */
function valLossMetrics(m: ValLossMetric, seed: number, users: number): MetricRecord[] {
  const protocol: MetricRecord['protocol'] = { split: 'held-out-text', target: 'valid', candidates: { kind: 'tokens' }, excludeHistory: false, users, seed };
  return [
    { name: 'loss', k: null, value: m.value, protocol },
    { name: 'perplexity', k: null, value: m.perplexity, protocol },
  ];
}

export const lmPretrainRunner: RecipeRunner<LmPretrainSettings> = {
  id: 'lm-pretrain',
  settings: lmPretrainSettingsSchema,
  async run(input, io) {
    const dataset = pretrainDatasetOf(input.sources);
    const outcome = await runLmPretrain({ runId: input.runId, dataset, resume: io.resume }, input.settings, {
      checkpointDir: path.join(io.runDir, 'checkpoints'),
      modelDir: path.join(io.runDir, PRETRAINED_MODEL_PATH),
      emit: (event) => io.emit({ kind: 'lm', series: SERIES, event }),
      isCancelled: () => io.isCancelled(),
      yieldToEventLoop: () => io.yieldToEventLoop(),
      now: () => io.now(),
      onStage: (stage) => io.emit({ kind: 'stage', stage }),
    });
    if (outcome.status === 'cancelled') return { status: 'cancelled' };
    io.emit({ kind: 'artifact', artifact: { kind: 'hf-model', path: PRETRAINED_MODEL_PATH, title: `Pretrained decoder (vocabulary ${outcome.vocabSize})` } });
    if (outcome.valLoss !== null) io.emit({ kind: 'metrics', metrics: valLossMetrics(outcome.valLoss, input.settings.seed, outcome.valUsers) });
    return { status: 'done' };
  },
  actions: {
    generate: (runDir, args) => generateFromRun(runDir, PRETRAINED_MODEL_PATH, args as LmGenerateArgs),
  },
};
