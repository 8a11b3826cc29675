import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineSchema } from '../../core/protocol/pipeline';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch } from './api';

const pipeline = (dataset: unknown): unknown => ({
  format: 'recforge-pipeline', version: 1, name: 'p', dataset,
  run: { model: 'sasrec', modelConfig: { hidden: 16, blocks: 1, maxLen: 10 }, train: { epochs: 1, batchSize: 256, seed: 3 }, eval: { negatives: 20, fullRanking: false } },
});

describe('pipelines through the protocol', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(true); });
  afterAll(async () => h.dispose());

  it('runs a pipeline by dataset name and writes back the same pipeline for the run', async () => {
    const dispatch = createDispatch(h.ctx);
    const [demo] = await h.ctx.workspace.listDatasets();
    const sent = pipeline({ kind: 'name', name: demo?.name });
    const started = await dispatch('pipelines.run', sent);
    if (!started.ok) throw new Error(started.error.message);
    const runId = (started.value as { id: string }).id;
    await waitForStatus(h.ctx, runId, 'done');
    const back = await dispatch('runs.pipeline', { runId });
    if (!back.ok) throw new Error(back.error.message);
    // Demo datasets are referred to as the demo (portable), everything else by name.
    expect(back.value).toEqual({ ...pipelineSchema.parse(sent), dataset: { kind: 'demo' }, name: `sasrec on ${demo?.name}` });
  });

  it('names a dataset the workspace does not have and refuses malformed files', async () => {
    const dispatch = createDispatch(h.ctx);
    const missing = await dispatch('pipelines.run', pipeline({ kind: 'name', name: 'nope' }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', location: { field: 'dataset.name' } } });
    const bad = await dispatch('pipelines.run', { ...(pipeline({ kind: 'demo' }) as object), version: 2 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', location: { field: 'version' } } });
  });
});
