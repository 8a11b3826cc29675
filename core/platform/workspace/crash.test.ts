import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace';
import { tempDir } from '../../testing/tempDir';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

describe('a host killed with SIGKILL', () => {
  it('leaves a workspace that opens with everything it had committed', async () => {
    const t = await tempDir();
    const dir = path.join(t.dir, 'ws');
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'crash.testutil.ts'), dir], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toContain('written');
    const ws = await Workspace.open(dir);
    try {
      expect((await ws.listDatasets()).map((d) => d.format)).toEqual(['demo']);
      expect(await ws.getRun('run_crash')).toMatchObject({ status: 'failed', error: 'interrupted', tags: ['crash'] });
    } finally {
      await ws.close();
      await t.cleanup();
    }
  }, 90_000);
});
