/**
 * A run a crash interrupted says where it stopped once the host starts again: the last progress
 * of its event log becomes its stoppedAt (kept in the workspace, so the next start reads it there).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../../core/protocol/dto';
import { Workspace } from '../../core/platform/workspace';
import { buildTestWorker } from '../testing/buildWorker';
import { HostContext } from './hostContext';
import { stopOf } from './runService';

const progress = (step: number, epoch: number): RunProgress => ({ step, totalSteps: 40, epoch, epochs: 4, etaSeconds: 3, phase: 'train' });

function runningRun(id: string): RunSummary {
  return { id, datasetId: 'ds_x', datasetName: 'x', model: 'sasrec', status: 'running', createdAt: '2026-01-01T00:00:00.000Z', finishedAt: null, config: { train: { epochs: 4 } }, metrics: [], error: null, notes: '', tags: [] };
}

async function startHost(dir: string): Promise<HostContext> {
  return HostContext.create({ workspaceDir: dir, workerPath: await buildTestWorker(), mode: 'web', version: 'test', seedDemo: false, compute: 'auto' });
}

describe('stop position of interrupted runs', () => {
  let dir = '';
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('reads the last progress of the log into stoppedAt at start, and keeps it for the next start', async () => {
    dir = await mkdtemp(join(tmpdir(), 'recforge-stops-'));
    const ws = await Workspace.open(dir);
    await ws.createRun(runningRun('run_cut'));
    await ws.appendRunEvents('run_cut', [{ type: 'progress', points: [{ step: 12, epoch: 2, loss: 0.5, lr: 1e-3 }], progress: progress(12, 2) }]);
    await ws.appendRunEvents('run_cut', [{ type: 'progress', points: [{ step: 17, epoch: 2, loss: 0.4, lr: 1e-3 }], progress: progress(17, 2) }]);
    await ws.createRun(runningRun('run_early')); // interrupted before its first step: nothing to say
    await ws.close();

    let host = await startHost(dir);
    const stopped = await host.runs.list();
    expect(stopped.find((r) => r.id === 'run_cut')).toMatchObject({ status: 'failed', error: 'interrupted', stoppedAt: { step: 17, totalSteps: 40, epoch: 2, epochs: 4 } });
    expect(stopped.find((r) => r.id === 'run_early')?.stoppedAt).toBeUndefined();
    await host.close();

    host = await startHost(dir);
    expect((await host.workspace.getRun('run_cut'))?.stoppedAt).toEqual({ step: 17, totalSteps: 40, epoch: 2, epochs: 4 });
    await host.close();
  });
});

describe('stopOf', () => {
  it('keeps the stage of a recipe label but not its momentary speed', () => {
    expect(stopOf({ ...progress(162, 1), label: 'all-domain · stable (domain-specific) · 10954 tokens/s' })).toEqual({ step: 162, totalSteps: 40, epoch: 1, epochs: 4, label: 'all-domain · stable (domain-specific)' });
    expect(stopOf(null)).toBeNull();
  });
});
