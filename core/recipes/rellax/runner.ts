/**
 * 'rellax' as a RecipeRunner: one source (the `domain` setting, default the first) becomes CTR
 * samples; the CRM, the SUBR vectors, one ReLLa LoRA per retrieval mode and the stage-2 modules
 * train, and every variant is scored. The run reports stages, live losses (CRM and stage 2 as
 * 'train' series, stage-1 LoRA runs as 'lm' series), AUC / LogLoss per variant and the ablation
 * table. Stage ids: data, crm, subr, stage1, stage2, evaluate. Both stage-1 adapters and every
 * scored variant are kept under checkpoints/stages/, so a resumed run restores them and trains
 * only what is missing (the CRM, quick and deterministic, is trained again).
 */
import { RecForgeError } from '../../errors';
import { isCancellation, runStageCheckpoints } from '../runner';
import { TrainEventSink } from '../pad/trainEvents';
import { chooseSource } from '../pad/padData';
import type { RecipeRunIo, RecipeRunner } from '../runner';
import { runRellaxAblation, stage2Variants } from './ablation';
import { ctrDatasetFromSource } from './ctrSource';
import { rellaxMetrics, rellaxTable } from './rellaxReport';
import { rellaxSettingsSchema, type RellaxSettings } from './settings';
import type { RellaxHooks } from './stage1';
import type { RecipeFiles } from '../llm/recipeFiles';
import { runFingerprint, type StageCheckpoints } from '../llm/stageCheckpoints';

/** Hooks that turn the ablation's progress into run events; stages kept in the run folder. */
function hooksOf(io: RecipeRunIo, s: RellaxSettings, stages: StageCheckpoints): RellaxHooks {
  const sink = new TrainEventSink(io, s.crmEpochs + stage2Variants() * s.stage2Steps);
  return {
    stages,
    onStage: (stage) => io.emit({ kind: 'stage', stage }),
    onLmEvent: (series, event) => io.emit({ kind: 'lm', series, event }),
    onProgress: ({ series, step, loss }) => {
      const crm = series === 'CRM';
      sink.point(series, { step, epoch: step, epochs: crm ? s.crmEpochs : s.stage2Steps, loss, lr: crm ? s.crmLr : s.stage2Lr });
    },
    onProgressRestored: (units) => sink.restored(units),
    yieldToEventLoop: () => io.yieldToEventLoop(),
    isCancelled: () => io.isCancelled(),
    now: () => io.now(),
  };
}

/** The runner, bound to the host's file operations (stage checkpoints). */
export function createRellaxRunner(files: RecipeFiles): RecipeRunner<RellaxSettings> {
  return {
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
        // A stage file is only reused by the run that wrote it: same settings and data source (its contents included).
        const fingerprint = runFingerprint({ recipe: 'rellax', version: 2, settings: s, source: source.name }, [source]);
        const ablation = await runRellaxAblation(data, s, hooksOf(io, s, runStageCheckpoints(files, io, fingerprint)));
        io.emit({ kind: 'metrics', metrics: rellaxMetrics(ablation, source.name) });
        io.emit({ kind: 'table', table: rellaxTable(ablation, source.name) });
        return { status: 'done' };
      } catch (err) {
        if (isCancellation(err)) return { status: 'cancelled' };
        throw err;
      }
    },
  };
}
