/**
 * CPRec on the window compute host, end to end below the browser: with RECFORGE_COMPUTE=window the
 * host sends the recipe job to the attached connection; the compute worker's recipe path
 * (runWindowRecipe, the real runner and engine on this process's backend) reads the registered
 * model folder and writes the run's files only through the host's compute.* file calls, and every
 * event it emits passes the host's schema. What the Web Worker adds on top — the window relay,
 * WebGPU — runs in the e2e journey.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeEvent } from '../../core/protocol/compute';
import type { ComputeFileReply } from '../../core/protocol/computeFiles';
import type { ApiResult, DatasetSummary, RunState, RunSummary } from '../../core/protocol/dto';
import type { RegisteredModel } from '../../core/protocol/models';
import { nodeRecipeFiles } from '../../core/platform/recipeFiles';
import { CPREC_PATHS } from '../../core/recipes/cprec/runner';
import { hostFilePort } from '../../core/recipes/llm/hostFilePort';
import { demoSources, writeTinyHfFolder } from '../../core/recipes/llm/testData';
import { useTensorSuite } from '../../core/testing/tensorSuite';
import { runWindowRecipe } from '../compute-worker/recipeRun';
import { nextRequest, value } from '../testing/computeWindowCalls';
import { fakeCaller } from '../testing/fakeCaller';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch, type Dispatch } from './api';

useTensorSuite();

const GPU = { name: 'webgpu', detail: 'webgpu (test adapter, software)', patches: [] };
const COCKTAIL = {
  vocabSize: 300, hidden: 32, layers: 1, batchSize: 4, maxLen: 48, pretrainSteps: 6, baseSteps: 4, ingredientSteps: 4, negatives: 4,
  maxEvalCases: 6, entropyPrompts: 6, lambdaStep: 0.5, lambdaSteps: 2, windowsPerUser: 1, loraRank: 4, generationCases: 2,
};
const TINY = { steps: 6, warmupFraction: 0.2, stableFraction: 0.5, batchSize: 4, maxLen: 48, negatives: 9, maxEvalCases: 20, sftSteps: 2, trainable: 'lora', loraRank: 2 };

describe('CPRec on a window compute host (RECFORGE_COMPUTE=window)', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let model: RegisteredModel;
  let modelDir = '';

  beforeAll(async () => {
    harness = await startHarness(true, 'window');
    dispatch = createDispatch(harness.ctx);
    modelDir = join(harness.dir, 'tiny-qwen2');
    await writeTinyHfFolder(nodeRecipeFiles, modelDir, demoSources(120).flatMap((s) => s.items.map((it) => it.title ?? '')));
    model = value<RegisteredModel>(await dispatch('models.register', { path: modelDir, name: 'tiny-qwen2' }));
  });
  afterAll(async () => harness.dispose());

  it('runs the recipe through host file calls and leaves metrics and a loadable PEFT adapter', async () => {
    const [demo] = value<DatasetSummary[]>(await dispatch('datasets.list', {})) as [DatasetSummary];
    const window = fakeCaller();
    value(await dispatch('compute.attach', { backend: GPU }, window));
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'cprec', base: { model: model.id }, settings: TINY }));
    const request = await nextRequest(window, 0);
    if (request.type !== 'recipe') throw new Error(`expected a recipe job, got ${request.type}`);
    const runDir = join(harness.dir, 'runs', started.id);
    expect(request.job).toMatchObject({ runId: started.id, recipe: 'cprec', runDir, model: { kind: 'folder', path: modelDir }, resume: false });

    const call = (c: { channel: string; request: unknown }): Promise<ApiResult<unknown>> => dispatch(c.channel, c.request, window);
    const outside = await call({ channel: 'compute.readFile', request: { runId: started.id, path: join(harness.dir, 'recforge.duckdb'), offset: 0, length: 16 } });
    expect(outside.ok === false && outside.error.location?.field).toBe('path');
    const intoModel = await call({ channel: 'compute.writeFile', request: { op: 'begin', runId: started.id, path: join(modelDir, 'config.json') } });
    expect(intoModel.ok === false && intoModel.error.message).toMatch(/outside the folders/);

    let reports: Promise<unknown> = Promise.resolve();
    const report = (event: ComputeEvent): void => {
      reports = reports.then(async () => value(await dispatch('compute.event', { event }, window)));
    };
    const port = hostFilePort(started.id, async (c) => value<ComputeFileReply>(await call(c)));
    const outcome = await runWindowRecipe(request.job, { report, isCancelled: () => false, yieldToEventLoop: () => Promise.resolve() }, port);
    expect(outcome).toEqual({ status: 'done' });
    await reports; // every real event passed the host's schema
    report({ type: 'done', runId: started.id, metrics: [] });
    await reports;

    const done = await waitForStatus(harness.ctx, started.id, 'done');
    const cprec = done.metrics.filter((m) => m.variant === 'cprec' && m.protocol.segment === 'all');
    expect(cprec.map((m) => m.name)).toEqual(expect.arrayContaining(['HR', 'NDCG']));
    const state = value<RunState>(await dispatch('runs.get', { runId: started.id }));
    expect(state.artifacts?.map((a) => `${a.kind}:${a.path}`)).toContain(`peft-adapter:${CPREC_PATHS.adapter}`);
    const adapterDir = join(runDir, CPREC_PATHS.adapter);
    expect((await readdir(adapterDir)).sort()).toEqual(['adapter_config.json', 'adapter_config.json.sha256', 'adapter_model.safetensors', 'adapter_model.safetensors.sha256']);
    const base = await nodeRecipeFiles.loadModelFolder(modelDir);
    const adapter = await nodeRecipeFiles.loadAdapter(adapterDir, base.config);
    expect(adapter.config.r).toBe(2);
    adapter.tensors.forEach((t) => t.dispose());
    base.weights.forEach((t) => t.dispose());
    window.close();
  }, 240_000);

  it('runs RecCocktail from scratch through host file calls to merged metrics and adapters', async () => {
    const [demo] = value<DatasetSummary[]>(await dispatch('datasets.list', {})) as [DatasetSummary];
    const window = fakeCaller();
    value(await dispatch('compute.attach', { backend: GPU }, window));
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'reccocktail', settings: COCKTAIL }));
    const request = await nextRequest(window, 0);
    if (request.type !== 'recipe') throw new Error(`expected a recipe job, got ${request.type}`);
    let reports: Promise<unknown> = Promise.resolve();
    const report = (event: ComputeEvent): void => {
      reports = reports.then(async () => value(await dispatch('compute.event', { event }, window)));
    };
    const port = hostFilePort(started.id, async (c) => value<ComputeFileReply>(await dispatch(c.channel, c.request, window)));
    expect(await runWindowRecipe(request.job, { report, isCancelled: () => false, yieldToEventLoop: () => Promise.resolve() }, port)).toEqual({ status: 'done' });
    report({ type: 'done', runId: started.id, metrics: [] });
    await reports;
    const done = await waitForStatus(harness.ctx, started.id, 'done');
    expect(done.metrics.filter((m) => m.variant === 'merged').map((m) => m.protocol.segment)).toEqual(expect.arrayContaining(['warm', 'cold']));
    const runDir = join(harness.dir, 'runs', started.id);
    expect(await readdir(join(runDir, 'artifacts', 'merged'))).toContain('adapter_model.safetensors');
    window.close();
  }, 240_000);
});
