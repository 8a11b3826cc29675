/**
 * Which side runs a recipe job under the routing rule (RECFORGE_COMPUTE=auto): CPRec and
 * RecCocktail go to a window offering WebGPU while the Node worker is on a CPU rung, like SASRec;
 * every other recipe stays on the Node worker. A window that closes mid-run interrupts its recipe
 * run and leaves no half-uploaded file; the run resumes on the next window and cancels there. The "window" is a scripted connection.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../core/protocol/base64';
import type { ComputeRouting } from '../../core/protocol/compute';
import type { DatasetSummary, RunSummary } from '../../core/protocol/dto';
import { nextRequest, until, value } from '../testing/computeWindowCalls';
import { fakeCaller, type FakeCaller } from '../testing/fakeCaller';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch, type Dispatch } from './api';

const GPU = { name: 'webgpu', detail: 'webgpu (test adapter)', patches: [] };

describe('recipe jobs under the routing rule (auto)', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let demo: DatasetSummary;
  let window: FakeCaller;

  beforeAll(async () => {
    harness = await startHarness(true, 'auto');
    dispatch = createDispatch(harness.ctx);
    [demo] = value<DatasetSummary[]>(await dispatch('datasets.list', {})) as [DatasetSummary];
    await until(() => harness.ctx.worker.backend ?? undefined, 'the Node worker backend');
    window = fakeCaller();
    const routing = value<ComputeRouting>(await dispatch('compute.attach', { backend: GPU }, window));
    expect(routing.target).toBe('window'); // the test worker runs on a CPU rung
  });
  afterAll(async () => harness.dispose());

  it('keeps a non-LLM recipe on the Node worker', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'lm-pretrain', settings: { vocabSize: 300, layers: 1, hidden: 32, intermediate: 64, heads: 4, kvHeads: 2, maxLen: 48, steps: 200, batchSize: 2 } }));
    await until(() => (harness.ctx.store.summary(started.id)?.status === 'running' ? true : undefined), 'running');
    expect(window.payloads('compute.onRequest')).toEqual([]);
    value(await dispatch('runs.cancel', { runId: started.id }));
    await until(() => (['cancelled', 'done'].includes(harness.ctx.store.summary(started.id)?.status ?? '') ? true : undefined), 'finished');
  }, 60_000);

  it('sends CPRec to the window, and interrupts it without leftovers when the window closes mid-upload', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', { datasetId: demo.id, model: 'cprec', settings: { steps: 2 } }));
    const request = await nextRequest(window, 0);
    expect(request).toMatchObject({ type: 'recipe', job: { runId: started.id, recipe: 'cprec', model: { kind: 'scratch' } } });
    const runDir = join(harness.dir, 'runs', started.id);
    const { uploadId } = value<{ uploadId: string }>(await dispatch('compute.writeFile', { op: 'begin', runId: started.id, path: join(runDir, 'artifacts', 'model', 'model.safetensors') }, window));
    value(await dispatch('compute.writeFile', { op: 'append', runId: started.id, uploadId, bytes: encodeBase64(new Uint8Array(64)) }, window));
    expect(await readdir(join(runDir, 'artifacts', 'model'))).toHaveLength(1); // the hidden temp file

    window.close();
    const failed = await waitForStatus(harness.ctx, started.id, 'failed');
    expect(failed.error).toMatch(/^interrupted: the window training it on WebGPU closed/);
    // The upload is aborted as the window goes: its temp file disappears, nothing is published.
    for (let i = 0; i < 100 && (await readdir(join(runDir, 'artifacts', 'model'))).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await readdir(join(runDir, 'artifacts', 'model'))).toEqual([]);

    // Resumed on the next window as a resume job; cancel reaches that window and ends the run.
    // (attach first: under 'auto' the queue would otherwise hand it to the Node worker at once)
    const next = fakeCaller();
    value(await dispatch('compute.attach', { backend: GPU }, next));
    value(await dispatch('runs.resume', { runId: started.id }));
    expect(await nextRequest(next, 0)).toMatchObject({ type: 'recipe', job: { runId: started.id, recipe: 'cprec', resume: true } });
    value(await dispatch('runs.cancel', { runId: started.id }));
    expect(next.payloads('compute.onRequest').at(-1)).toEqual({ type: 'cancel', runId: started.id });
    value(await dispatch('compute.event', { event: { type: 'cancelled', runId: started.id } }, next));
    await waitForStatus(harness.ctx, started.id, 'cancelled');
    next.close();
  }, 60_000);
});
