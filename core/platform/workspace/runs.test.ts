import { existsSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricRecord, RunSummary } from '../../protocol/dto';
import { Db, exec } from './db';
import { ID_PATTERN, newDatasetId, newRunId } from './ids';
import { migrate, SCHEMA_VERSION } from './schema';
import { Workspace } from './workspace';
import { tempDir } from '../../testing/tempDir';
import { useTempWorkspace } from './testWorkspace.testutil';

let ws: Workspace;
useTempWorkspace((_dir, workspace) => {
  ws = workspace;
});

const run = (id: string, createdAt: string, status: RunSummary['status'] = 'queued'): RunSummary => ({
  id,
  datasetId: 'ds_x',
  datasetName: 'demo',
  model: 'sasrec',
  status,
  createdAt,
  finishedAt: null,
  config: {
    modelConfig: { hidden: 64, blocks: 2, heads: 1, maxLen: 50, dropout: 0.2 },
    train: { epochs: 3, batchSize: 128, learningRate: 0.001, seed: 42 },
    eval: { negatives: 100, seed: 2024, fullRanking: true },
  },
  metrics: [],
  error: null,
  notes: '',
  tags: [],
});

const metric = (name: string, k: number | null, value: number): MetricRecord => ({
  name, k, value,
  protocol: { split: 'leave-one-out', target: 'test', candidates: { kind: 'sampled', negatives: 100, sampler: 'uniform', seed: 7 }, excludeHistory: true, users: 600 },
});

describe('ids', () => {
  it('match the protocol id pattern; run ids sort by time', () => {
    expect(newDatasetId()).toMatch(ID_PATTERN);
    const a = newRunId(1_700_000_000_000);
    const b = newRunId(1_700_000_000_001);
    expect(a).toMatch(ID_PATTERN);
    expect(a < b).toBe(true);
  });
});

describe('runs registry', () => {
  it('round-trips runs, patches and metrics; lists newest first', async () => {
    await ws.createRun(run('run_a', '2024-01-01T00:00:00.000Z'));
    await ws.createRun(run('run_b', '2024-01-02T00:00:00.000Z'));
    await ws.updateRun('run_a', { status: 'done', finishedAt: '2024-01-01T01:00:00.000Z' });
    await ws.saveMetrics('run_a', [metric('HR', 10, 0.5), metric('MRR', null, 0.25)]);
    await ws.saveMetrics('run_a', [metric('HR', 10, 0.6)]); // same key → replaced
    const [b, a] = await ws.listRuns();
    expect(b).toEqual(run('run_b', '2024-01-02T00:00:00.000Z'));
    expect(a).toEqual({ ...run('run_a', '2024-01-01T00:00:00.000Z', 'done'), finishedAt: '2024-01-01T01:00:00.000Z', metrics: [metric('MRR', null, 0.25), metric('HR', 10, 0.6)] });
    expect(await ws.getRun('run_a')).toEqual(a);
    expect(await ws.getRun('run_none')).toBeNull();
    await expect(ws.updateRun('run_none', { status: 'done' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(ws.createRun(run('../evil', '2024-01-01T00:00:00.000Z'))).rejects.toMatchObject({ code: 'validation' });
  });

  it('creates run folders and appends / reads events, skipping a torn last line', async () => {
    const dir = ws.runDir('run_e');
    expect(dir).toBe(path.join(ws.dir, 'runs', 'run_e'));
    expect(existsSync(path.join(dir, 'checkpoints'))).toBe(true);
    expect(existsSync(path.join(dir, 'artifacts'))).toBe(true);
    expect(await ws.readRunEvents('run_e')).toEqual([]);
    await ws.appendRunEvents('run_e', [{ type: 'request' }, { type: 'progress', step: 1 }]);
    await ws.appendRunEvents('run_e', [{ type: 'progress', step: 2 }]);
    await appendFile(path.join(dir, 'events.jsonl'), '{"type":"prog');
    expect(await ws.readRunEvents('run_e')).toEqual([{ type: 'request' }, { type: 'progress', step: 1 }, { type: 'progress', step: 2 }]);
    expect(() => ws.runDir('../x')).toThrow(/invalid run id/);
  });
});

describe('open / reopen', () => {
  it('creates the layout and schema version', async () => {
    for (const p of ['recforge.duckdb', 'runs', 'uploads']) expect(existsSync(path.join(ws.dir, p))).toBe(true);
    const counts = await ws.tableCounts();
    expect(Object.keys(counts).sort()).toEqual(['dataset_columns', 'datasets', 'interactions', 'item_texts', 'items', 'metrics', 'models', 'runs', 'splits', 'users']);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it('marks runs left active by a previous process as failed "interrupted"', async () => {
    await ws.createRun(run('run_q', '2024-01-01T00:00:00.000Z', 'queued'));
    await ws.createRun(run('run_r', '2024-01-01T00:00:01.000Z', 'running'));
    await ws.createRun(run('run_v', '2024-01-01T00:00:02.000Z', 'evaluating'));
    await ws.createRun(run('run_d', '2024-01-01T00:00:03.000Z', 'done'));
    await ws.close();
    ws = await Workspace.open(ws.dir);
    const byId = new Map((await ws.listRuns()).map((r) => [r.id, r]));
    for (const id of ['run_q', 'run_r', 'run_v']) expect(byId.get(id)).toMatchObject({ status: 'failed', error: 'interrupted', finishedAt: expect.any(String) as string });
    expect(byId.get('run_d')).toMatchObject({ status: 'done', error: null, finishedAt: null });
  });

  it('refuses a second open of the same workspace while it is open', async () => {
    await expect(Workspace.open(ws.dir)).rejects.toMatchObject({ code: 'busy' });
    expect(await ws.listDatasets()).toEqual([]); // the first one still works
  });

  it('refuses a workspace written by a newer schema', async () => {
    const other = await tempDir();
    const dir = path.join(other.dir, 'ws');
    await (await Workspace.open(dir)).close();
    const db = await Db.open(path.join(dir, 'recforge.duckdb'));
    await db.exclusive((c) => exec(c, "UPDATE meta SET value = $1 WHERE key = 'schema_version'", [String(SCHEMA_VERSION + 1)]));
    await db.close();
    await expect(Workspace.open(dir)).rejects.toThrow(/newer than this RecForge supports/);
    await other.cleanup();
  });

  it('v1 → current: the config group `model` of a SASRec run becomes `modelConfig`, in a file that holds only the v1 tables', async () => {
    const other = await tempDir();
    const dir = path.join(other.dir, 'ws');
    await mkdir(dir, { recursive: true });
    const old = run('run_old', '2026-01-01T00:00:00.000Z', 'done');
    const { modelConfig, ...rest } = old.config as Record<string, Record<string, unknown>>;
    const db = await Db.open(path.join(dir, 'recforge.duckdb'));
    await db.exclusive(async (c) => {
      await migrate(c, 1);
      await exec(c, "INSERT INTO runs VALUES ('run_old', 'ds_x', 'x', 'sasrec', 'done', $1, NULL, $2, NULL)", [old.createdAt, JSON.stringify({ model: modelConfig ?? {}, ...rest })]);
    });
    await db.close();
    const migrated = await Workspace.open(dir);
    expect((await migrated.getRun('run_old'))?.config).toEqual(old.config);
    expect(await migrated.getRun('run_old')).toMatchObject({ notes: '', tags: [] });
    await migrated.close();
    await other.cleanup();
  });

  it('keeps notes and tags, editable after the run', async () => {
    await ws.createRun({ ...run('run_n', '2026-02-01T00:00:00.000Z'), tags: ['baseline'] });
    await ws.updateRun('run_n', { notes: 'lr too high?\nretry with 5e-4', tags: ['baseline', 'ml-100k', "o'brien"] });
    expect(await ws.getRun('run_n')).toMatchObject({ notes: 'lr too high?\nretry with 5e-4', tags: ['baseline', 'ml-100k', "o'brien"] });
    await ws.updateRun('run_n', { tags: [] });
    expect((await ws.getRun('run_n'))?.tags).toEqual([]);
  });

  it('stores where a run stopped, and forgets it when the run finishes', async () => {
    await ws.createRun(run('run_s', '2026-02-02T00:00:00.000Z'));
    expect((await ws.getRun('run_s'))?.stoppedAt).toBeUndefined();
    const stop = { step: 620, totalSteps: 1200, epoch: 1, epochs: 1, label: "ingredient · stable (movies, it's)" };
    await ws.updateRun('run_s', { status: 'cancelled', stoppedAt: stop });
    expect((await ws.getRun('run_s'))?.stoppedAt).toEqual(stop);
    await ws.updateRun('run_s', { status: 'running' }); // a resumed run keeps it until it ends
    expect((await ws.getRun('run_s'))?.stoppedAt).toEqual(stop);
    await ws.updateRun('run_s', { status: 'done', stoppedAt: null });
    expect(await ws.getRun('run_s')).not.toHaveProperty('stoppedAt');
  });
});
