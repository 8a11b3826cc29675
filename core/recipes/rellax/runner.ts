/**
 * 'rellax' as a RecipeRunner: one source (the `domain` setting, default the first) becomes CTR
 * samples; the CRM, the SUBR vectors, one ReLLa LoRA per retrieval mode and the stage-2 modules
 * train, and every variant is scored. The run reports stages, live losses (CRM and stage 2 as
 * 'train' series, stage-1 LoRA runs as 'lm' series), AUC / LogLoss per variant and the ablation
 * table. Stage ids: data, crm, subr, stage1, stage2, evaluate.
 */
import { RecForgeError } from '../../errors';
import { isCancellation } from '../runner';
import { TrainEventSink } from '../pad/trainEvents';
import { chooseSource } from '../pad/padData';
import type { RecipeRunIo, RecipeRunner } from '../runner';
import { runRellaxAblation, stage2Variants } from './ablation';
import { ctrDatasetFromSource } from './ctrSource';
import { rellaxMetrics, rellaxTable } from './rellaxReport';
import { rellaxSettingsSchema, type RellaxSettings } from './settings';
import type { RellaxHooks } from './stage1';

/** Hooks that turn the ablation's progress into run events. */
function hooksOf(io: RecipeRunIo, s: RellaxSettings): RellaxHooks {
  const sink = new TrainEventSink(io, s.crmEpochs + stage2Variants() * s.stage2Steps);
  return {
    onStage: (stage) => io.emit({ kind: 'stage', stage }),
    onLmEvent: (series, event) => io.emit({ kind: 'lm', series, event }),
    onProgress: ({ series, step, loss }) => {
      const crm = series === 'CRM';
      sink.point(series, { step, epoch: step, epochs: crm ? s.crmEpochs : s.stage2Steps, loss, lr: crm ? s.crmLr : s.stage2Lr });
    },
    yieldToEventLoop: () => io.yieldToEventLoop(),
    isCancelled: () => io.isCancelled(),
    now: () => io.now(),
  };
}

export const rellaxRunner: RecipeRunner<RellaxSettings> = {
  id: 'rellax',
  settings: rellaxSettingsSchema,
  async run(input, io) {
    if (input.model.kind !== 'scratch') {
      throw new RecForgeError('validation', 'ReLLaX runs on its from-scratch word-level decoder; starting from a checkpoint folder is not supported yet', { file: 'run', field: 'model', expected: 'scratch' });
    }
    const s = input.settings;
    io.emit({ kind: 'stage', stage: 'data' });
    const source = chooseSource(input.sources, s.domain);
    const data = ctrDatasetFromSource(source, s);
    try {
      const ablation = await runRellaxAblation(data, s, hooksOf(io, s));
      io.emit({ kind: 'metrics', metrics: rellaxMetrics(ablation, source.name) });
      io.emit({ kind: 'table', table: rellaxTable(ablation, source.name) });
      return { status: 'done' };
    } catch (err) {
      if (isCancellation(err)) return { status: 'cancelled' };
      throw err;
    }
  },
};
