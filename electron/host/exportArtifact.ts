/**
 * runs.exportArtifact: copies a run's artifact (a model or adapter folder, an ID table) to
 * `<workspace>/exports/<run>-<name>/`, where the web host serves it for download and Electron
 * users find it on disk. Copy, not move: the run keeps its artifacts (resume, actions).
 */
import { cp, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import { writeFolderAtomic } from '../../core/platform/atomicFolder';
import type { ExportResult } from '../../core/protocol/tabular';
import type { HostContext } from './hostContext';

async function listFiles(dir: string): Promise<{ name: string; bytes: number }[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(dir, name))).size })));
}

/** The file or folder of an artifact the run lists (checked before any path is made: no folder appears for an unknown run). */
export async function listedArtifact(ctx: HostContext, runId: string, path: string): Promise<string> {
  const state = await ctx.runs.get(runId);
  if (!(state.artifacts ?? []).some((a) => a.path === path)) {
    throw new RecForgeError('not_found', `run ${runId} has no artifact ${path}`, { file: path, expected: 'an artifact listed on the run page' });
  }
  return join(ctx.workspace.runDir(runId), path);
}

export async function exportRunArtifact(ctx: HostContext, runId: string, path: string): Promise<ExportResult> {
  const source = await listedArtifact(ctx, runId, path);
  const info = await stat(source).catch(() => null);
  if (info === null) throw new RecForgeError('not_found', `the artifact ${path} is missing from the run folder`, { file: source });
  const dir = join(ctx.workspace.dir, 'exports', `${runId}-${basename(path)}`);
  // A single-file artifact goes into a folder of its own, so every export is a folder of files.
  await writeFolderAtomic(dir, (tmp) => cp(source, info.isDirectory() ? tmp : join(tmp, basename(path)), { recursive: true }));
  return { format: 'artifact', dir, files: await listFiles(dir) };
}
