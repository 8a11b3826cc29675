/**
 * A recipe run through the protocol, on the real worker: LM pretraining on an imported CSV's
 * item titles — stages, WSA phase markers, the held-out loss with its protocol, the exported HF
 * folder as an artifact that registers as a model; and cancel → resume reproducing the losses of
 * an uninterrupted run.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, DatasetSummary, RunState, RunSummary } from '../../core/protocol/dto';
import type { RegisteredModel } from '../../core/protocol/models';
import type { ImportResult } from '../../core/protocol/tabular';
import { writeRingCsv } from '../testing/fixtures';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch, type Dispatch } from './api';

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const STEPS = 12;
const settings = {
  seed: 5, vocabSize: 300, layers: 1, hidden: 32, intermediate: 64, heads: 4, kvHeads: 2, maxLen: 48,
  steps: STEPS, batchSize: 2, peakLr: 5e-3, minLr: 5e-4, checkpointEvery: 3,
};

describe('host: an LM pretraining recipe run', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let dataset: DatasetSummary;
  let straight: RunState;

  beforeAll(async () => {
    harness = await startHarness();
    dispatch = createDispatch(harness.ctx);
    const path = await writeRingCsv(harness.dir, 40, 8, 30);
    dataset = value<ImportResult>(await dispatch('datasets.import', { name: 'ring', format: 'csv', files: [{ kind: 'path', path }] })).dataset;
  });
  afterAll(async () => harness.dispose());

  it('reports stages, phase markers, the held-out loss with its protocol and the exported model', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: dataset.id, model: 'lm-pretrain', settings }));
    const done = await waitForStatus(harness.ctx, started.id, 'done');
    const loss = done.metrics.find((m) => m.name === 'loss');
    expect(loss?.protocol).toMatchObject({ split: 'held-out-text', target: 'valid', candidates: { kind: 'tokens' }, seed: 5 });
    expect(loss?.value).toBeGreaterThan(0);
    straight = value<RunState>(await dispatch('runs.get', { runId: started.id }));
    expect(straight.series.step).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
    expect(straight.markers?.map((m) => m.label)).toEqual(expect.arrayContaining(['pretrain', expect.stringMatching(/^warmup/), expect.stringMatching(/^stable/), expect.stringMatching(/^anneal/)]));
    expect(straight.stage).toBe('evaluate');
    expect(straight.artifacts).toEqual([expect.objectContaining({ kind: 'hf-model', path: 'artifacts/model' })]);
    const modelDir = join(harness.dir, 'runs', started.id, 'artifacts', 'model');
    for (const file of ['config.json', 'tokenizer.json', 'model.safetensors']) await access(join(modelDir, file));
    const model = value<RegisteredModel>(await dispatch('runs.registerModel', { runId: started.id, path: 'artifacts/model', name: 'pretrained' }));
    expect(model.info.config).toMatchObject({ hidden: 32, layers: 1 });
    const escape = await dispatch('runs.registerModel', { runId: started.id, path: 'artifacts/../../x', name: 'escape' });
    expect(escape.ok).toBe(false);
    // Only a listed artifact of an existing run registers; an unknown run leaves no folder behind.
    expect((await dispatch('runs.registerModel', { runId: started.id, path: 'artifacts/other', name: 'unlisted' })).ok).toBe(false);
    expect((await dispatch('runs.registerModel', { runId: 'ghost_run_1', path: 'artifacts/model', name: 'ghost' })).ok).toBe(false);
    await expect(access(join(harness.dir, 'runs', 'ghost_run_1'))).rejects.toThrow();

    const generated = value<{ continuation: string; tokens: number }>(await dispatch('runs.action', { runId: started.id, action: 'generate', args: { prompt: 'Title', maxNewTokens: 5 } }));
    expect(generated.tokens).toBeGreaterThan(0);
    expect(generated.tokens).toBeLessThanOrEqual(5);
    const badArgs = await dispatch('runs.action', { runId: started.id, action: 'generate', args: { prompt: 'x', maxNewTokens: 9999 } });
    expect(badArgs.ok === false && badArgs.error.location?.field).toBe('maxNewTokens');
    const unknown = await dispatch('runs.action', { runId: started.id, action: 'nope' });
    expect(unknown.ok).toBe(false);
  });

  it('cancelled mid-run and resumed, it logs the losses of the uninterrupted run', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: dataset.id, model: 'lm-pretrain', settings }));
    await new Promise<void>((resolve) => {
      const off = harness.ctx.bus.subscribe((event, payload) => {
        const delta = payload as { runId?: string; points?: { step: number }[] };
        if (event === 'runs.onProgress' && delta.runId === started.id && (delta.points ?? []).some((p) => p.step >= 5)) {
          off();
          resolve();
        }
      });
    });
    value(await dispatch('runs.cancel', { runId: started.id }));
    await waitForStatus(harness.ctx, started.id, 'cancelled', 10_000);
    value(await dispatch('runs.resume', { runId: started.id }));
    await waitForStatus(harness.ctx, started.id, 'done');
    const resumed = value<RunState>(await dispatch('runs.get', { runId: started.id }));
    expect(resumed.series.step).toEqual(straight.series.step);
    resumed.series.loss.forEach((l, i) => expect(Math.abs(l - (straight.series.loss[i] as number))).toBeLessThan(1e-5));
  });
});
