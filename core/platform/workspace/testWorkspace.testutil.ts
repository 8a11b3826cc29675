import { afterEach, beforeEach } from 'vitest';
/** Test helpers: temporary workspaces and fixture files, cleaned up after each test. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, type TempDir } from '../../testing/tempDir';
import { Workspace } from './workspace';

/** The shared MovieLens-100k folder, read in place (never copied into the repo). */
export const ML100K_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'data', 'ml-100k');

/** Opens a workspace in `<tmp>/ws`. */
export function openWorkspace(t: TempDir): Promise<Workspace> {
  return Workspace.open(path.join(t.dir, 'ws'));
}

/** A well-formed CSV with `users` users × `perUser` interactions (distinct items per user). */
export function makeCsv(users: number, perUser: number, items = 50): string {
  const lines = ['user,item,timestamp,rating,title'];
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < perUser; k++) {
      const item = (u * 7 + k * 3) % items;
      lines.push(`u${u},i${item},${1000 + k * 10},${1 + ((u + k) % 5)},"Item ${item}, the ""best"""`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Gives every test of the file a fresh temporary workspace (closed and deleted after the test).
 * `ready` receives both, e.g. to assign the file's variables or import a base dataset.
 */
export function useTempWorkspace(ready: (t: TempDir, ws: Workspace) => void | Promise<void>): void {
  let current: { t: TempDir; ws: Workspace } | null = null;
  beforeEach(async () => {
    const t = await tempDir('recforge-ws-');
    current = { t, ws: await openWorkspace(t) };
    await ready(current.t, current.ws);
  });
  afterEach(async () => {
    await current?.ws.close();
    await current?.t.cleanup();
    current = null;
  });
}

/** Imports a small CSV dataset, so "unchanged" checks run against non-empty tables. */
export async function importBaseCsv(t: TempDir, ws: Workspace): Promise<void> {
  await ws.importDataset({ name: 'base', format: 'csv', files: [await t.file('base.csv', makeCsv(12, 6))], minInteractions: 1 });
}
