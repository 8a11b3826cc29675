/**
 * A real HostContext on a temporary workspace, with helpers to wait for run states.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunStatus, RunSummary } from '../../core/protocol/dto';
import { HostContext } from '../host/hostContext';
import { buildTestWorker } from './buildWorker';
import type { ComputePreference } from '../../core/protocol/compute';

export interface Harness {
  readonly ctx: HostContext;
  readonly dir: string;
  dispose(): Promise<void>;
}

/** `compute` forces where SASRec trains (RECFORGE_COMPUTE); default 'auto'. */
export async function startHarness(seedDemo = false, compute: ComputePreference = 'auto'): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'recforge-host-'));
  const workerPath = await buildTestWorker();
  const ctx = await HostContext.create({ workspaceDir: dir, workerPath, mode: 'web', version: 'test', seedDemo, compute });
  return {
    ctx,
    dir,
    dispose: async () => {
      await ctx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the run's summary once it reaches `status` (or rejects on another final state). */
export function waitForStatus(ctx: HostContext, runId: string, status: RunStatus, timeoutMs = 120_000): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run ${runId} did not reach ${status}`)), timeoutMs);
    const unsubscribe = ctx.bus.subscribe((event, payload) => {
      if (event !== 'runs.onStatus') return;
      const summary = payload as RunSummary;
      if (summary.id !== runId) return;
      const final = ['done', 'cancelled', 'failed'].includes(summary.status);
      if (summary.status === status || final) {
        clearTimeout(timer);
        unsubscribe();
        if (summary.status === status) resolve(summary);
        else reject(new Error(`run ${runId} ended ${summary.status}: ${summary.error ?? ''}`));
      }
    });
  });
}
