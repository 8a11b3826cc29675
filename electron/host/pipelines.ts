/** Pipeline files ↔ runs: run one (studio and CLI share this), and write the one behind a run. */
import { RecForgeError } from '../../core/errors';
import type { DatasetSummary, RunSummary } from '../../core/protocol/dto';
import type { Pipeline, PipelineDataset, PipelineParsed } from '../../core/protocol/pipeline';
import { runSpecSchema } from '../../core/protocol/runSchemas';
import { DEMO_DATASET_NAME } from '../../core/platform/workspace';
import type { HostContext } from './hostContext';

async function resolveDataset(ctx: HostContext, ref: PipelineDataset): Promise<DatasetSummary> {
  if (ref.kind === 'demo') return ctx.demoDataset();
  const datasets = await ctx.workspace.listDatasets();
  const exact = ref.id === undefined ? undefined : datasets.find((d) => d.id === ref.id && d.name === ref.name);
  const found = exact ?? datasets.find((d) => d.name === ref.name);
  if (found === undefined) {
    throw new RecForgeError('not_found', `the pipeline's dataset '${ref.name}' is not in this workspace`, { file: 'pipeline', field: 'dataset.name', expected: 'the name of an imported dataset' });
  }
  return found; // without an exact id: newest first, so a re-imported dataset of the same name wins
}

/** Resolves the pipeline's dataset and queues its run. */
export async function runPipeline(ctx: HostContext, pipeline: PipelineParsed): Promise<RunSummary> {
  const dataset = await resolveDataset(ctx, pipeline.dataset);
  return ctx.runs.start({ ...pipeline.run, datasetId: dataset.id });
}

/** The pipeline that reproduces a run: its dataset (by name, or the demo) and its full config. */
export async function pipelineOfRun(ctx: HostContext, runId: string): Promise<Pipeline> {
  const run: RunSummary = (await ctx.runs.get(runId)).summary;
  if (run.config === null || run.model === 'external') {
    throw new RecForgeError('validation', `run ${runId} is an imported training log; it has no pipeline`);
  }
  const dataset = await ctx.workspace.getDataset(run.datasetId);
  // A removed demo is still the demo: the pipeline regenerates it.
  const demo = dataset === null ? run.datasetName === DEMO_DATASET_NAME : dataset.format === 'demo';
  const ref: PipelineDataset = demo ? { kind: 'demo' } : dataset === null ? { kind: 'name', name: run.datasetName } : { kind: 'name', name: dataset.name, id: dataset.id };
  return {
    format: 'recforge-pipeline',
    version: 1,
    name: `${run.model} on ${run.datasetName}`,
    dataset: ref,
    // Through the schema: a run stored by an older RecForge gets today's defaults filled in.
    run: runSpecSchema.parse({ model: run.model, ...run.config }),
  };
}
