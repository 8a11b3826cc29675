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

/** A run's log names the pipeline it came from, so the pipeline written back keeps its name. */
interface PipelineEvent {
  readonly type: 'pipeline';
  readonly name: string;
}

function isPipelineEvent(e: unknown): e is PipelineEvent {
  return typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'pipeline' && typeof (e as { name?: unknown }).name === 'string';
}

/** A refusal of the run's settings, located in the pipeline (where they sit under `run`). */
function inPipeline(err: unknown): unknown {
  if (!(err instanceof RecForgeError) || err.location?.file !== 'settings') return err;
  const field = err.location.field === undefined ? {} : { field: `run.${err.location.field}` };
  return new RecForgeError(err.code, err.message, { ...err.location, file: 'pipeline', ...field }, err.issues?.map((i) => ({ ...i, field: `run.${i.field}` })));
}

/** Resolves the pipeline's dataset and queues its run; the run's notes name the pipeline. */
export async function runPipeline(ctx: HostContext, pipeline: PipelineParsed): Promise<RunSummary> {
  const dataset = await resolveDataset(ctx, pipeline.dataset);
  const run = await ctx.runs.start({ ...pipeline.run, datasetId: dataset.id }).catch((err: unknown) => {
    throw inPipeline(err);
  });
  const event: PipelineEvent = { type: 'pipeline', name: pipeline.name };
  await ctx.workspace.appendRunEvents(run.id, [event]);
  return ctx.runs.annotate(run.id, { notes: `From the pipeline '${pipeline.name}'.` });
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
  const from = (await ctx.workspace.readRunEvents(runId)).find(isPipelineEvent);
  return {
    format: 'recforge-pipeline',
    version: 1,
    name: from?.name ?? `${run.model} on ${run.datasetName}`,
    dataset: ref,
    // Through the schema: a run stored by an older RecForge gets today's defaults filled in.
    run: runSpecSchema.parse({ model: run.model, ...run.config }),
  };
}
