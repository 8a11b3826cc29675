/**
 * The LLM recipes through the protocol on the real worker, started from a local Hugging Face
 * folder registered on the Models page (a tiny Qwen2 written in transformers' layout): the run
 * spec differs from a from-scratch run only in `base.model`. RecCocktail then answers its
 * playground actions (Auto λ with progress and cancel); an unknown model id is a located error.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, DatasetSummary, RunProgressDelta, RunState, RunSummary, TrainCacheInfo } from '../../core/protocol/dto';
import type { RegisteredModel } from '../../core/protocol/models';
import type { ActionProgress, CocktailAutoLambda, CocktailEvaluation } from '../../core/protocol/recipeActions';
import { nodeRecipeFiles } from '../../core/platform/recipeFiles';
import { demoSources, writeTinyHfFolder } from '../../core/recipes/llm/testData';
import { RECCOCKTAIL_PRESETS } from '../../core/recipes/presets';
import { fakeCaller } from '../testing/fakeCaller';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import type { Caller } from './caller';
import { createDispatch, type Dispatch } from './api';

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The quick-demo preset's values as a settings object. */
const quickSettings = Object.fromEntries(Object.entries(RECCOCKTAIL_PRESETS.find((p) => p.id === 'quick')?.values ?? {}).map(([k, v]) => [k.replace(/^settings\./, ''), v]));

describe('host: LLM recipes on a registered local checkpoint folder', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let demo: DatasetSummary;
  let model: RegisteredModel;

  beforeAll(async () => {
    harness = await startHarness(true);
    dispatch = createDispatch(harness.ctx);
    [demo] = value<DatasetSummary[]>(await dispatch('datasets.list', {})) as [DatasetSummary];
    const dir = join(harness.dir, 'tiny-qwen2');
    await writeTinyHfFolder(nodeRecipeFiles, dir, demoSources(120).flatMap((s) => s.items.map((it) => it.title ?? '')));
    model = value<RegisteredModel>(await dispatch('models.register', { path: dir, name: 'tiny-qwen2' }));
  });
  afterAll(async () => harness.dispose());

  /** The finished RecCocktail run (quick preset) on the folder, started once for the tests that need it. */
  let cocktail: Promise<RunSummary> | null = null;
  const cocktailRun = (): Promise<RunSummary> =>
    (cocktail ??= (async () => {
      const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'reccocktail', base: { model: model.id }, settings: quickSettings }));
      return waitForStatus(harness.ctx, started.id, 'done', 180_000);
    })());

  it('RecCocktail runs on the folder and its playground ranks at any λ', async () => {
    const done = await cocktailRun();
    expect(done.metrics.filter((m) => m.variant === 'merged').map((m) => m.protocol.segment)).toEqual(expect.arrayContaining(['warm', 'cold']));
    const state = value<RunState>(await dispatch('runs.get', { runId: done.id }));
    // A provided model is not pre-trained: no base-model artifact, the stages skip 'pretrain'.
    expect(state.artifacts?.map((a) => a.path)).toEqual(['artifacts/base-spirit', 'artifacts/ingredient', 'artifacts/merged', 'artifacts/merged-cold']);
    expect(state.markers?.map((m) => m.label)).not.toContain('catalog pre-training');
    const atHalf = value<CocktailEvaluation>(await dispatch('runs.action', { runId: done.id, action: 'evaluate', args: { lambda: 0.5 } }));
    expect(atHalf.metrics.filter((m) => m.protocol.chance !== undefined).length).toBeGreaterThan(0);
    const outOfRange = await dispatch('runs.action', { runId: done.id, action: 'evaluate', args: { lambda: 2 } });
    expect(outOfRange.ok === false && outOfRange.error.location?.field).toBe('lambda');
  }, 240_000);

  it('Auto λ reports its steps to the window that asked; runs.cancelAction stops it with a cancelled error and the playground still ranks', async () => {
    const { id: runId } = await cocktailRun();
    // Quick preset: a 0.25 grid (5 λs), then the gradient search's start and 30 Adam steps, per scenario.
    const total = 2 * 5 + 2 * 31;
    const asking = fakeCaller();
    const auto = value<CocktailAutoLambda>(await dispatch('runs.action', { runId, action: 'autoLambda' }, asking));
    expect(auto.warm.method).toBe('gradient');
    const steps = asking.payloads('runs.onActionProgress');
    expect(steps[0]).toEqual({ runId, action: 'autoLambda', done: 0, total });
    expect(steps.at(-1)).toEqual({ runId, action: 'autoLambda', done: total, total });
    expect(steps.every((p, i) => p.total === total && (i === 0 || p.done > (steps[i - 1]?.done ?? Infinity)))).toBe(true);

    // Another window asks again and cancels at its first progress event.
    const seen: number[] = [];
    const cancelling: Caller = {
      id: 'cancelling-window',
      onGone: () => () => undefined,
      send: (event, payload) => {
        if (event !== 'runs.onActionProgress') return;
        seen.push((payload as ActionProgress).done);
        if (seen.length === 1) void dispatch('runs.cancelAction', { runId, action: 'autoLambda' });
      },
    };
    const cancelled = await dispatch('runs.action', { runId, action: 'autoLambda' }, cancelling);
    expect(cancelled.ok === false && cancelled.error.code).toBe('cancelled');
    expect(Math.max(...seen)).toBeLessThan(total);
    expect(asking.payloads('runs.onActionProgress')).toHaveLength(steps.length); // progress goes to the asking window only
    // The run stays open in the worker: the next action answers.
    expect(value<CocktailEvaluation>(await dispatch('runs.action', { runId, action: 'evaluate', args: { lambda: 0.4 } })).lambda).toBe(0.4);
    expect(value<null>(await dispatch('runs.cancelAction', { runId, action: 'autoLambda' }))).toBeNull(); // nothing in flight: a no-op
  }, 240_000);

  it('a cancel sent right after the Auto λ request (before the host reached the worker) still stops it', async () => {
    const { id: runId } = await cocktailRun();
    const asked = dispatch('runs.action', { runId, action: 'autoLambda' }, fakeCaller());
    const cancel = dispatch('runs.cancelAction', { runId, action: 'autoLambda' });
    const [result] = await Promise.all([asked, cancel]);
    expect(result.ok === false && result.error.code).toBe('cancelled');
  }, 240_000);

  it('a window that closes during Auto λ stops it; finished actions leave no close listener behind', async () => {
    const { id: runId } = await cocktailRun();
    const closing = fakeCaller();
    const closingSend = closing.send;
    const watched: Caller = {
      ...closing,
      send: (event, payload) => {
        closingSend(event, payload);
        if (event === 'runs.onActionProgress' && closing.payloads('runs.onActionProgress').length === 1) closing.close();
      },
    };
    const gone = await dispatch('runs.action', { runId, action: 'autoLambda' }, watched);
    expect(gone.ok === false && gone.error.code).toBe('cancelled');

    const staying = fakeCaller();
    for (const lambda of [0.2, 0.6]) expect(value<CocktailEvaluation>(await dispatch('runs.action', { runId, action: 'evaluate', args: { lambda } }, staying)).lambda).toBe(lambda);
    expect(staying.goneListeners()).toBe(0);
  }, 240_000);

  it('a second run whose training stages have the same content reuses them from the workspace cache: nothing trains, the adapters score the same', async () => {
    const first = await cocktailRun();
    const trainedSeries = new Set<string>();
    const stages: string[] = [];
    const off = harness.ctx.bus.subscribe((event, payload) => {
      const delta = payload as RunProgressDelta;
      if (event !== 'runs.onProgress') return;
      if (delta.points.length > 0) trainedSeries.add(delta.progress.label?.split(' · ')[0] ?? '');
      if (typeof delta.stage === 'string') stages.push(delta.stage);
    });
    // Only the merge search differs: both adapters have the same content.
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'reccocktail', base: { model: model.id }, settings: { ...quickSettings, lambdaStep: 0.25 } }));
    const done = await waitForStatus(harness.ctx, started.id, 'done', 180_000);
    off();
    expect([...trainedSeries]).toEqual([]);
    expect(stages).toEqual(expect.arrayContaining(['base spirit: reused from the workspace cache', 'ingredient: reused from the workspace cache']));
    expect((await readdir(join(harness.dir, 'cache', 'train-stages'))).filter((f) => f.endsWith('.safetensors'))).toHaveLength(2);
    const adapters = (r: RunSummary): string[] => r.metrics.filter((m) => m.variant === 'base' || m.variant === 'ingredient').map((m) => `${m.variant}:${m.protocol.segment}:${m.name}@${m.k ?? ''}=${m.value}`).sort();
    expect(adapters(done)).toEqual(adapters(first));
    expect(adapters(done).length).toBeGreaterThan(0);
    // The studio's status bar reads and empties the cache through the protocol.
    expect(value<TrainCacheInfo>(await dispatch('system.trainCache', {})).files).toBe(2);
    expect(value<TrainCacheInfo>(await dispatch('system.clearTrainCache', {}))).toMatchObject({ files: 0, bytes: 0 });
  }, 240_000);

  it('RecCocktail cancelled during the ingredient resumes from its stage checkpoints: the base spirit is restored, not retrained, and the numbers equal the uninterrupted run', async () => {
    const straight = await cocktailRun();
    await rm(join(harness.dir, 'cache'), { recursive: true, force: true }); // else the same stages come from the workspace cache and nothing trains
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'reccocktail', base: { model: model.id }, settings: quickSettings }));
    await new Promise<void>((resolve) => {
      const off = harness.ctx.bus.subscribe((event, payload) => {
        const delta = payload as RunProgressDelta;
        if (event === 'runs.onProgress' && delta.runId === started.id && delta.progress.label?.startsWith('ingredient') === true && delta.points.length > 0) {
          off();
          resolve();
        }
      });
    });
    value(await dispatch('runs.cancel', { runId: started.id }));
    await waitForStatus(harness.ctx, started.id, 'cancelled', 30_000);
    const stages = join(harness.dir, 'runs', started.id, 'checkpoints', 'stages');
    // The ingredient was cut off (on a very slow machine it may have just finished: then it is kept too).
    const kept = (await readdir(stages)).sort();
    expect(kept[0]).toBe('base-spirit.safetensors');

    // The resumed run trains no base spirit (restored from its stage file), only what was missing.
    const trainedSeries = new Set<string>();
    const off = harness.ctx.bus.subscribe((event, payload) => {
      const delta = payload as RunProgressDelta;
      if (event === 'runs.onProgress' && delta.runId === started.id && delta.points.length > 0) trainedSeries.add(delta.progress.label?.split(' · ')[0] ?? '');
    });
    value(await dispatch('runs.resume', { runId: started.id }));
    const done = await waitForStatus(harness.ctx, started.id, 'done', 180_000);
    off();
    expect([...trainedSeries].filter((series) => series === 'base spirit')).toEqual([]);
    if (kept.length === 1) expect([...trainedSeries]).toContain('ingredient');
    expect(await readdir(join(harness.dir, 'runs', started.id, 'checkpoints'))).not.toContain('stages'); // a finished run cannot resume: its stage files are gone
    const numbers = (r: RunSummary): string[] => r.metrics.map((m) => `${m.variant}:${m.protocol.segment}:${m.name}@${m.k ?? ''}=${m.value}`).sort();
    expect(numbers(done)).toEqual(numbers(straight));
  }, 300_000);

  it('an unregistered base model is refused at start, naming the field', async () => {
    const r = await dispatch('runs.start', { datasetId: demo.id, model: 'cprec', base: { model: 'nope' }, settings: {} });
    expect(r.ok === false && r.error.location?.field).toBe('base.model');
  });
});
