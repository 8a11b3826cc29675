/**
 * Temporary folders for file tests: `tempDir` makes one (with a helper to drop files in it),
 * `useTempDir` gives every test of a file a fresh one, removed afterwards even when the test
 * failed, so file tests never see each other's leftovers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A temp folder plus helpers; call cleanup() when done. */
export interface TempDir {
  readonly dir: string;
  file(name: string, content: string | Uint8Array): Promise<{ name: string; path: string }>;
  cleanup(): Promise<void>;
}

/** Creates a fresh folder under os.tmpdir(). */
export async function tempDir(prefix = 'recforge-'): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return {
    dir,
    async file(name, content) {
      const p = path.join(dir, name);
      await writeFile(p, content);
      return { name, path: p };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The running test's folder and its file helper; use them inside a test (the folder changes per test). */
export type CurrentTempDir = Pick<TempDir, 'dir' | 'file'>;

export function useTempDir(prefix: string): CurrentTempDir {
  let current: TempDir | null = null;
  beforeEach(async () => {
    current = await tempDir(prefix);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  const now = (): TempDir => {
    if (current === null) throw new Error('useTempDir: the folder exists only while a test runs');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    file: (name, content) => now().file(name, content),
  };
}
