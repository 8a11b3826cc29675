import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineSchema } from '../../core/protocol/pipeline';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch } from './api';
import type { ImportResult } from '../../core/protocol/tabular';
import { writeRingCsv } from '../testing/fixtures';

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
    // The pipeline's name stays with the run (its notes say it) and comes back in the file.
    expect(back.value).toEqual({ ...pipelineSchema.parse(sent), dataset: { kind: 'demo' } });
    expect((started.value as { notes: string }).notes).toBe("From the pipeline 'p'.");
    // Still the demo once the dataset is removed: running the pipeline regenerates it.
    await dispatch('datasets.remove', { datasetId: demo?.id });
    expect(await dispatch('runs.pipeline', { runId })).toMatchObject({ ok: true, value: { dataset: { kind: 'demo' } } });
  });

  it("replays a run on its own dataset when a newer one has the same name", async () => {
    const dispatch = createDispatch(h.ctx);
    const path = await writeRingCsv(h.dir);
    const imported = [];
    for (let k = 0; k < 2; k++) {
      const r = await dispatch('datasets.import', { name: 'twice', format: 'csv', files: [{ kind: 'path', path }] });
      if (!r.ok) throw new Error(r.error.message);
      imported.push((r.value as ImportResult).dataset.id);
    }
    const first = await dispatch('runs.start', { ...(pipeline(null) as { run: object }).run, datasetId: imported[0] });
    if (!first.ok) throw new Error(first.error.message);
    const back = await dispatch('runs.pipeline', { runId: (first.value as { id: string }).id });
    if (!back.ok) throw new Error(back.error.message);
    const replay = await dispatch('pipelines.run', back.value);
    expect(replay).toMatchObject({ ok: true, value: { datasetId: imported[0] } });
    for (const r of [first, replay]) if (r.ok) await dispatch('runs.cancel', { runId: (r.value as { id: string }).id });
  });

  it('names a dataset the workspace does not have and refuses malformed files', async () => {
    const dispatch = createDispatch(h.ctx);
    const missing = await dispatch('pipelines.run', pipeline({ kind: 'name', name: 'nope' }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', location: { field: 'dataset.name' } } });
    const bad = await dispatch('pipelines.run', { ...(pipeline({ kind: 'demo' }) as object), version: 2 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/^invalid pipeline: version/) as unknown, location: { file: 'pipeline', field: 'version' } } });
  });

  it('refuses a domain the dataset does not have before any run exists, at its field', async () => {
    const dispatch = createDispatch(h.ctx);
    const runsBefore = (await h.ctx.runs.list()).length;
    const misspelt = { format: 'recforge-pipeline', version: 1, name: 'typo', dataset: { kind: 'demo' }, run: { model: 'pad', settings: { domain: 'movie' } } };
    const refused = await dispatch('pipelines.run', misspelt);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', location: { file: 'pipeline', field: 'run.settings.domain', expected: "one of 'books', 'games', 'movies', or empty for the recipe's default" }, issues: [{ field: 'run.settings.domain' }] } });
    // The same request from the studio's form is refused at the form's field.
    const direct = await dispatch('runs.start', { datasetId: (await h.ctx.demoDataset()).id, model: 'pad', settings: { domain: 'movie' } });
    expect(direct).toMatchObject({ ok: false, error: { location: { file: 'settings', field: 'settings.domain' }, issues: [{ field: 'settings.domain' }] } });
    expect((await h.ctx.runs.list()).length).toBe(runsBefore);
    // The names checked before the run are the names the recipe's sources get when it loads them.
    const [demo] = await h.ctx.workspace.listDatasets();
    const sources = await h.ctx.workspace.loadRecipeSources(demo?.id ?? '');
    expect(sources.map((s) => s.name).sort()).toEqual(await h.ctx.workspace.recipeSourceNames(demo?.id ?? ''));
  });
});
