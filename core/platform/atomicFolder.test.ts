/** A folder written with writeFolderAtomic appears whole or not at all; the previous one stays until then. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { writeFolderAtomic } from './atomicFolder';

const tmp = useTempDir('rf-folder-');

describe('writeFolderAtomic', () => {
  it('puts the filled folder in place, replacing an older one, and leaves nothing else', async () => {
    const dir = path.join(tmp.dir, 'export');
    await writeFolderAtomic(dir, (t) => writeFile(path.join(t, 'a.txt'), 'one'));
    await writeFolderAtomic(dir, async (t) => {
      await writeFile(path.join(t, 'b.txt'), 'two');
    });
    expect(await readdir(dir)).toEqual(['b.txt']);
    expect(await readdir(tmp.dir)).toEqual(['export']);
  });

  it('a failing fill leaves the previous folder as it was and no temporary folder', async () => {
    const dir = path.join(tmp.dir, 'export');
    await writeFolderAtomic(dir, (t) => writeFile(path.join(t, 'a.txt'), 'good'));
    const failing = writeFolderAtomic(dir, async (t) => {
      await writeFile(path.join(t, 'half.bin'), 'x');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('good');
    expect(await readdir(tmp.dir)).toEqual(['export']);
  });
});
