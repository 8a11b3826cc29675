/**
 * 'cprec' as a RecipeRunner. Sources are the domains (target = the `targetDomain` setting,
 * default the last source); the model is a scratch tiny decoder or a local HF folder, and nothing
 * else differs. Events: stages (data, pretrain, evaluate, export), the 'all-domain' LM series whose
 * 'plan' and 'phaseChange' events carry the WSA phases and the data-source switch, metrics before
 * ('initial') and after ('cprec') pre-training on all/warm/cold test targets with protocol and
 * chance, the results and schedule tables, and the pre-trained model (HF folder, full training)
 * or adapter (PEFT folder, LoRA) under artifacts/. Each finished training stage (CPT, SFT from
 * initial, SFT from CPT) is kept under checkpoints/stages/, so a resumed run restores those and
 * trains from the first unfinished stage on.
 */
import * as tf from '@tensorflow/tfjs';
import { defaultLoraConfig } from '../../models/lora/config';
import type { RunArtifact } from '../../protocol/recipeRun';
import { cacheHooks, outcomeOf, runStageCheckpoints, type RecipeModelRef, type RecipeRunInput, type RecipeRunIo, type RecipeRunner } from '../runner';
import { disposeRecipeModel, loadRecipeModel } from '../llm/modelSource';
import { joinPath, type RecipeFiles } from '../llm/recipeFiles';
import { cprecMetrics, cprecResultsTable, cprecScheduleTable } from './report';
import { CPREC_CPT_RUN, runCprec, scratchStartWeights, type CprecResult } from './runCprec';
import { cprecLora, cprecSettingsSchema, type CprecSettings } from './settings';
import { runFingerprint } from '../llm/stageCheckpoints';
import { targetDomainOf } from '../llm/targetDomain';

/** The chart series of the pre-training stage. */
export const CPREC_SERIES = 'all-domain';

/** The chart series of a training stage: the CPT is the all-domain series, SFT stages keep their runId. */
const seriesOf = (runId: string): string => (runId === CPREC_CPT_RUN ? CPREC_SERIES : runId);

/** Where the product goes, relative to the run folder. */
export const CPREC_PATHS = { model: 'artifacts/model', adapter: 'artifacts/adapter', baseModel: 'artifacts/base-model' } as const;

/**
 * The folder a LoRA adapter applies to: the user's model folder, or — for a from-scratch model,
 * which exists only in the run — its start weights and tokenizer, saved next to the adapter.
 */
async function adapterBase(files: RecipeFiles, runDir: string, ref: RecipeModelRef, s: CprecSettings, r: CprecResult): Promise<{ path: string; artifacts: RunArtifact[] }> {
  if (ref.kind === 'folder') return { path: ref.path, artifacts: [] };
  const start = scratchStartWeights(r.model, s);
  try {
    await files.saveModelFolder(joinPath(runDir, CPREC_PATHS.baseModel), r.model.config, start, r.model.tokenizerFiles);
  } finally {
    tf.dispose([...start.values()]);
  }
  return { path: joinPath(runDir, CPREC_PATHS.baseModel), artifacts: [{ kind: 'hf-model', path: CPREC_PATHS.baseModel, title: 'Base decoder the adapter applies to (from scratch)' }] };
}

async function exportRun(files: RecipeFiles, runDir: string, ref: RecipeModelRef, s: CprecSettings, r: CprecResult): Promise<RunArtifact[]> {
  if (s.trainable === 'lora') {
    const base = await adapterBase(files, runDir, ref, s, r);
    const config = { ...defaultLoraConfig(cprecLora(s)), base_model_name_or_path: base.path };
    await files.saveAdapter(joinPath(runDir, CPREC_PATHS.adapter), { config, tensors: r.weights });
    return [...base.artifacts, { kind: 'peft-adapter', path: CPREC_PATHS.adapter, title: `CPRec LoRA (r ${s.loraRank}, ${s.steps} WSA steps)` }];
  }
  await files.saveModelFolder(joinPath(runDir, CPREC_PATHS.model), r.model.config, r.weights, r.model.tokenizerFiles);
  return [{ kind: 'hf-model', path: CPREC_PATHS.model, title: `CPRec all-domain pre-trained decoder (${s.steps} WSA steps)` }];
}

async function runCprecJob(files: RecipeFiles, input: RecipeRunInput<CprecSettings>, io: RecipeRunIo): Promise<void> {
  const s = { ...input.settings, targetDomain: targetDomainOf(input.sources, input.settings.targetDomain) };
  const model = await loadRecipeModel(input.model, files, s);
  try {
    io.emit({ kind: 'stage', stage: 'pretrain' });
    // A stage file is only reused by the run that wrote it: same settings (target resolved), data and model.
    const fingerprint = runFingerprint({ recipe: 'cprec', version: 2, settings: s, model: input.model }, input.sources, model);
    const r = await runCprec({ sources: input.sources, model }, s, {
      stages: runStageCheckpoints(files, io, fingerprint),
      ...cacheHooks(io, seriesOf),
      emit: (runId, event) => io.emit({ kind: 'lm', series: seriesOf(runId), event }),
      onEvaluate: () => io.emit({ kind: 'stage', stage: 'evaluate' }),
      onSft: () => io.emit({ kind: 'stage', stage: 'sft' }),
      isCancelled: () => io.isCancelled(),
      yieldToEventLoop: () => io.yieldToEventLoop(),
      now: () => io.now(),
    });
    try {
      io.emit({ kind: 'stage', stage: 'export' });
      const artifacts = await exportRun(files, io.runDir, input.model, s, r);
      io.emit({ kind: 'metrics', metrics: cprecMetrics(r, s) });
      io.emit({ kind: 'table', table: cprecResultsTable(r, s) });
      io.emit({ kind: 'table', table: cprecScheduleTable(r, s) });
      for (const artifact of artifacts) io.emit({ kind: 'artifact', artifact });
    } finally {
      tf.dispose([...r.weights.values()]);
    }
  } finally {
    disposeRecipeModel(model);
  }
}

/** The runner, bound to the host's file operations (core/platform). */
export function createCprecRunner(files: RecipeFiles): RecipeRunner<CprecSettings> {
  return {
    id: 'cprec',
    settings: cprecSettingsSchema,
    run(input, io) {
      io.emit({ kind: 'stage', stage: 'data' });
      return outcomeOf(() => runCprecJob(files, input, io));
    },
  };
}
