import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../core/protocol/base64';
import type { ComputeRouting } from '../../core/protocol/compute';
import type { ApiResult, DatasetSummary, RunSummary } from '../../core/protocol/dto';
import { nextRequest, until, value } from '../testing/computeWindowCalls';
import type { ImportResult } from '../../core/protocol/tabular';
import { fakeCaller } from '../testing/fakeCaller';
import { writeRingCsv } from '../testing/fixtures';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch, type Dispatch } from './api';

// The run queue and the protocol with RECFORGE_COMPUTE=window. The "window" is a scripted
// connection that answers like the compute worker would; the real worker runs in the e2e journey.

const GPU = { name: 'webgpu', detail: 'webgpu (test adapter, software)', patches: [] };
const METRIC = { name: 'HR', k: 10, value: 0.5, protocol: { split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 20, sampler: 'uniform', seed: 3 }, excludeHistory: true, users: 120 } };
const PROGRESS = { step: 1, totalSteps: 4, epoch: 1, epochs: 1, etaSeconds: null, phase: 'train' };

describe('SASRec runs on a window compute host (RECFORGE_COMPUTE=window)', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let dataset: DatasetSummary;
  const run = (): Promise<ApiResult<unknown>> =>
    dispatch('runs.start', { datasetId: dataset.id, model: 'sasrec', modelConfig: { hidden: 8, blocks: 1, maxLen: 6 }, train: { epochs: 1 }, eval: { negatives: 20, seed: 3 } });

  beforeAll(async () => {
    harness = await startHarness(false, 'window');
    dispatch = createDispatch(harness.ctx);
    const path = await writeRingCsv(harness.dir);
    dataset = value<ImportResult>(await dispatch('datasets.import', { name: 'ring', format: 'csv', files: [{ kind: 'path', path }] })).dataset;
  });
  afterAll(async () => harness.dispose());

  it('waits for a window, trains there, and keeps its events, checkpoint and metrics', async () => {
    const started = value<RunSummary>(await run());
    expect(harness.ctx.computeRouting().target).toBe('waiting');
    const window = fakeCaller();
    const routing = value<ComputeRouting>(await dispatch('compute.attach', { backend: GPU }, window));
    expect(routing).toMatchObject({ target: 'window', reason: expect.stringMatching(/WebGPU \(window, test adapter, software\)/) });
    const request = await nextRequest(window, 0);
    expect(request).toMatchObject({ type: 'train', job: { runId: started.id, resume: false, data: { numItems: 60 } } });
    const stranger = fakeCaller();
    expect((await dispatch('compute.event', { event: { type: 'cancelled', runId: started.id } }, stranger)).ok).toBe(false);

    value(await dispatch('compute.event', { event: { type: 'progress', runId: started.id, points: [{ step: 1, epoch: 1, loss: 0.7, lr: 1e-3 }], progress: PROGRESS } }, window));
    value(await dispatch('compute.writeCheckpoint', { runId: started.id, name: 'last.safetensors', bytes: encodeBase64(new Uint8Array([1, 2, 3])) }, window));
    value(await dispatch('compute.event', { event: { type: 'done', runId: started.id, metrics: [METRIC] } }, window));
    const done = await waitForStatus(harness.ctx, started.id, 'done');
    expect(done.metrics).toEqual([METRIC]);
    expect(await readdir(join(harness.dir, 'runs', started.id, 'checkpoints'))).toEqual(expect.arrayContaining(['last.safetensors', 'last.safetensors.sha256']));
    window.close();
  });

  it('interrupts the run when its window closes, and resumes it on the next window from the same checkpoint', async () => {
    const first = fakeCaller();
    value(await dispatch('compute.attach', { backend: GPU }, first));
    const started = value<RunSummary>(await run());
    await nextRequest(first, 0);
    const status = (wanted: string) => () => {
      const summary = harness.ctx.store.summary(started.id);
      return summary?.status === wanted ? summary : undefined;
    };
    await until(status('running'), 'running');
    value(await dispatch('compute.writeCheckpoint', { runId: started.id, name: 'last.safetensors', bytes: 'AQID' }, first));
    first.close();
    const failed = await until(status('failed'), 'failed');
    expect(failed.error).toMatch(/^interrupted: the window training it on WebGPU closed/);

    value(await dispatch('runs.resume', { runId: started.id }));
    const second = fakeCaller();
    value(await dispatch('compute.attach', { backend: GPU }, second));
    expect(await nextRequest(second, 0)).toMatchObject({ type: 'train', job: { runId: started.id, resume: true } });
    expect(value(await dispatch('compute.readCheckpoint', { runId: started.id, name: 'last.safetensors' }, second))).toEqual({ bytes: 'AQID' });
    value(await dispatch('runs.cancel', { runId: started.id }));
    expect(second.payloads('compute.onRequest').at(-1)).toEqual({ type: 'cancel', runId: started.id });
    value(await dispatch('compute.event', { event: { type: 'cancelled', runId: started.id } }, second));
    await until(status('cancelled'), 'cancelled');
  });

  it('refuses compute calls from outside a connection', async () => {
    const result = await dispatch('compute.attach', { backend: GPU });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/over a window connection/);
  });
});
