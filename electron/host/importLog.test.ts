import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunState, RunSummary } from '../../core/protocol/dto';
import { startHarness, type Harness } from '../testing/hostHarness';
import { createDispatch } from './api';

describe('runs.importLog', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness(false); });
  afterAll(async () => h.dispose());

  it('stores a training log as a finished external run whose series reads back exactly', async () => {
    const file = join(h.dir, 'ref.csv');
    await writeFile(file, 'step,loss,lr\n1,0.9,0.01\n2,0.5,0.01\n4,0.25,0.005\n');
    const dispatch = createDispatch(h.ctx);
    const imported = await dispatch('runs.importLog', { name: 'reference', file: { kind: 'path', path: file } });
    if (!imported.ok) throw new Error(imported.error.message);
    const run = imported.value as RunSummary;
    expect(run).toMatchObject({ model: 'external', status: 'done', config: null, datasetName: 'reference' });
    const state = await dispatch('runs.get', { runId: run.id });
    expect(state.ok && (state.value as RunState).series).toEqual({ step: [1, 2, 4], epoch: [0, 0, 0], loss: [0.9, 0.5, 0.25], lr: [0.01, 0.01, 0.005] });
    // A fresh host process rebuilds the same series from the run folder.
    const restored = await h.ctx.workspace.readRunEvents(run.id);
    expect(restored.filter((e) => (e as { type: string }).type === 'progress')).toHaveLength(1);
    expect(await dispatch('runs.pipeline', { runId: run.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('reports a bad log with its location and registers nothing', async () => {
    const file = join(h.dir, 'bad.csv');
    await writeFile(file, 'step,loss\n1,0.5\n2,oops\n');
    const before = (await h.ctx.workspace.listRuns()).length;
    const result = await createDispatch(h.ctx)('runs.importLog', { name: 'bad', file: { kind: 'path', path: file } });
    expect(result).toMatchObject({ ok: false, error: { code: 'import', location: { file: 'bad.csv', line: 3, field: 'loss' } } });
    expect(await h.ctx.workspace.listRuns()).toHaveLength(before);
  });
});
