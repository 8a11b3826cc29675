import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, DatasetSummary, RunState, RunSummary, SystemInfo } from '../../core/protocol/dto';
import type { ImportResult } from '../../core/protocol/tabular';
import { writeRingCsv } from '../testing/fixtures';
import { startHarness, waitForStatus, type Harness } from '../testing/hostHarness';
import { createDispatch, type Dispatch } from './api';
import { readRunRequest } from './runSeries';

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const tinyRun = (datasetId: string, epochs: number) => ({
  datasetId,
  model: 'sasrec',
  modelConfig: { hidden: 16, blocks: 1, maxLen: 10, dropout: 0.1 },
  train: { epochs, batchSize: 32, learningRate: 5e-3, seed: 1 },
  eval: { negatives: 20, seed: 3, fullRanking: true },
});

describe('host: import → train → evaluate through the protocol', () => {
  let harness: Harness;
  let dispatch: Dispatch;
  let dataset: DatasetSummary;

  beforeAll(async () => {
    harness = await startHarness();
    dispatch = createDispatch(harness.ctx);
    const path = await writeRingCsv(harness.dir);
    dataset = value<ImportResult>(await dispatch('datasets.import', { name: 'ring', format: 'csv', files: [{ kind: 'path', path }] })).dataset;
  });
  afterAll(async () => harness.dispose());

  it('imports the CSV with exact counts', () => {
    expect(dataset).toMatchObject({ users: 120, items: 60, interactions: 120 * 12, rawInteractions: 120 * 12 });
  });

  it('warns when a text file ends inside its last line (a cut-off copy), by both import paths', async () => {
    const rows = Array.from({ length: 60 }, (_, k) => `u${k % 10},i${k % 7},${1_600_000_000 + 1_000 * k}`);
    const cut = join(harness.dir, 'cut.csv');
    await writeFile(cut, `user,item,timestamp\n${rows.join('\n')}`.slice(0, -4)); // the last timestamp loses 4 digits and still parses
    const expected = { code: 'import', location: { file: 'cut.csv', line: 61, expected: 'a line end after the last row' } };
    const viaMapping = value<ImportResult>(await dispatch('datasets.import', { name: 'cut', format: 'csv', files: [{ kind: 'path', path: cut }], mapping: { user: 'user', item: 'item', timestamp: 'timestamp' }, options: { onError: 'skip' } }));
    expect(viaMapping.warnings).toEqual([expect.objectContaining(expected)]);
    const viaParser = value<ImportResult>(await dispatch('datasets.import', { name: 'cut 2', format: 'csv', files: [{ kind: 'path', path: cut }] }));
    expect(viaParser.warnings).toEqual([expect.objectContaining(expected)]);
    expect(value<ImportResult>(await dispatch('datasets.import', { name: 'whole', format: 'csv', files: [{ kind: 'path', path: await writeRingCsv(harness.dir) }] })).warnings).toEqual([]);
  });

  it('trains a run to the end and stores metrics with their protocol and the event log', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 2)));
    const done = await waitForStatus(harness.ctx, started.id, 'done');
    expect(done.metrics.length).toBeGreaterThan(0);
    const listed = value<RunSummary[]>(await dispatch('runs.list', {}));
    const stored = listed.find((r) => r.id === started.id);
    const hr = stored?.metrics.find((m) => m.name === 'HR' && m.k === 10 && m.protocol.candidates.kind === 'sampled');
    expect(hr?.protocol).toMatchObject({ split: 'leave-one-out', target: 'test', candidates: { negatives: 20, seed: 3 } });
    const state = value<RunState>(await dispatch('runs.get', { runId: started.id }));
    expect(state.series.step.length).toBeGreaterThan(1);
    expect(state.series.loss.every((loss) => Number.isFinite(loss))).toBe(true);
    await harness.ctx.runs.flush();
    const log = await readFile(join(harness.dir, 'runs', started.id, 'events.jsonl'), 'utf8');
    expect(log).toContain('"type":"progress"');
    const checkpoints = await readdir(join(harness.dir, 'runs', started.id, 'checkpoints'));
    expect(checkpoints).toEqual(expect.arrayContaining(['last.safetensors', 'last.safetensors.sha256']));
  });

  it('trains SASRec data-parallel on the other cores, and says so', async () => {
    // The worker reports ready before the first run; by now it has.
    const info = value<SystemInfo>(await dispatch('system.info', {}));
    const threads = Math.min(availableParallelism(), 4);
    if (threads > 1) expect(info.backend?.detail).toContain(`training runs data-parallel on ${threads} threads`);
    else expect(info.backend?.detail).not.toContain('data-parallel');
  });

  it('cancels a running run within a second', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 500)));
    await waitForStatus(harness.ctx, started.id, 'running');
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    value(await dispatch('runs.cancel', { runId: started.id }));
    await waitForStatus(harness.ctx, started.id, 'cancelled', 5_000);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('resumes a cancelled run from its checkpoint and finishes with one continuous series', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 6)));
    const epochTwo = new Promise<void>((resolve) => {
      const off = harness.ctx.bus.subscribe((event, payload) => {
        const delta = payload as { runId?: string; progress?: { epoch: number } };
        if (event === 'runs.onProgress' && delta.runId === started.id && (delta.progress?.epoch ?? 0) >= 3) {
          off();
          resolve();
        }
      });
    });
    await epochTwo; // epochs 1 and 2 are checkpointed
    value(await dispatch('runs.cancel', { runId: started.id }));
    const cancelled = await waitForStatus(harness.ctx, started.id, 'cancelled', 5_000);
    // Where it stopped travels with the run (the list says it, not only the run page).
    const listedStop = value<RunSummary[]>(await dispatch('runs.list', {})).find((r) => r.id === started.id)?.stoppedAt;
    expect(listedStop).toEqual(cancelled.stoppedAt);
    expect(listedStop).toMatchObject({ epochs: 6, epoch: expect.any(Number) as number, totalSteps: expect.any(Number) as number });
    expect(listedStop?.epoch).toBeGreaterThanOrEqual(3);
    expect(listedStop?.step).toBeGreaterThan(0);
    expect(listedStop?.step).toBeLessThan(listedStop?.totalSteps ?? 0);
    expect(value<RunSummary>(await dispatch('runs.resume', { runId: started.id })).status).toBe('queued');
    const done = await waitForStatus(harness.ctx, started.id, 'done');
    expect(done.metrics.length).toBeGreaterThan(0);
    expect(done.stoppedAt).toBeUndefined(); // finished: nothing stopped any more
    expect(value<RunSummary[]>(await dispatch('runs.list', {})).find((r) => r.id === started.id)?.stoppedAt).toBeUndefined();
    const state = value<RunState>(await dispatch('runs.get', { runId: started.id }));
    const steps = state.series.step;
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    expect(state.progress?.step).toBe(state.progress?.totalSteps);
    const again = await dispatch('runs.resume', { runId: started.id });
    expect(again.ok).toBe(false);
  });

  it('two resumes of one run at once queue it once, and the queue goes on after it', async () => {
    const started = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 6)));
    const cancelled = waitForStatus(harness.ctx, started.id, 'cancelled', 10_000);
    value(await dispatch('runs.cancel', { runId: started.id }));
    await cancelled;
    const both = await Promise.all([dispatch('runs.resume', { runId: started.id }), dispatch('runs.resume', { runId: started.id })]);
    expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
    const next = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 1)));
    await Promise.all([waitForStatus(harness.ctx, started.id, 'done'), waitForStatus(harness.ctx, next.id, 'done')]);
  });

  it('logs a queued run\'s request at once, so it can resume after the host dies', async () => {
    const first = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 6)));
    const queued = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 1)));
    expect(queued.status).toBe('queued');
    expect(await readRunRequest(harness.ctx.workspace, queued.id)).toMatchObject({ model: 'sasrec', train: { epochs: 1 } });
    value(await dispatch('runs.cancel', { runId: queued.id }));
    value(await dispatch('runs.cancel', { runId: first.id }));
    await waitForStatus(harness.ctx, first.id, 'cancelled', 10_000);
  });

  it('a cancel while the run\'s data is still loading ends it before any host trains it', async () => {
    const progressed: string[] = [];
    const off = harness.ctx.bus.subscribe((event, payload) => {
      if (event === 'runs.onProgress') progressed.push((payload as { runId: string }).runId);
    });
    const started = value<RunSummary>(await dispatch('runs.start', tinyRun(dataset.id, 2)));
    value(await dispatch('runs.cancel', { runId: started.id }));
    await waitForStatus(harness.ctx, started.id, 'cancelled', 10_000);
    off();
    expect(progressed).not.toContain(started.id);
    // The worker holds no stale cancel: resuming the run trains it to the end.
    value(await dispatch('runs.resume', { runId: started.id }));
    expect((await waitForStatus(harness.ctx, started.id, 'done')).metrics.length).toBeGreaterThan(0);
  });

  it('rejects a malformed upload with a located error and changes nothing', async () => {
    const before = value<DatasetSummary[]>(await dispatch('datasets.list', {}));
    const path = join(harness.dir, 'bad.csv');
    await writeFile(path, 'user,item,timestamp\nu1,i1,100\nu1,i2,not-a-time\n');
    const result = await dispatch('datasets.import', { name: 'bad', format: 'csv', files: [{ kind: 'path', path }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.location).toMatchObject({ file: 'bad.csv', line: 3, field: 'timestamp' });
    expect(value<DatasetSummary[]>(await dispatch('datasets.list', {}))).toEqual(before);
  });
});
