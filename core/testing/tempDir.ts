/**
 * A fresh temporary folder around every test of a file, removed afterwards (even when the test
 * failed), so file tests never see each other's leftovers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** The current test's folder; read `dir` inside a test (it changes per test). */
export interface TempDir {
  readonly dir: string;
}

export function useTempDir(prefix: string): TempDir {
  let current = '';
  beforeEach(async () => {
    current = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(current, { recursive: true, force: true });
  });
  return {
    get dir() {
      return current;
    },
  };
}
