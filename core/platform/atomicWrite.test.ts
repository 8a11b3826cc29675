import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex, verifyChecksum, writeFileAtomic, writeFileAtomicWithChecksum } from './atomicWrite';
import { useTempDir } from '../testing/tempDir';

const t = useTempDir('rf-atomic-');

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp files behind', async () => {
    const file = path.join(t.dir, 'ckpt.bin');
    await writeFileAtomic(file, 'old');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    expect(await readdir(t.dir)).toEqual(['ckpt.bin']);
  });

  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(t.dir, 'missing', 'x'), 'data')).rejects.toThrow();
  });
});

describe('checksums', () => {
  it('writes a sha256sum-style sidecar and detects corruption', async () => {
    const file = path.join(t.dir, 'model.safetensors');
    const hex = await writeFileAtomicWithChecksum(file, 'weights');
    expect(hex).toBe(sha256Hex('weights'));
    expect(await readFile(`${file}.sha256`, 'utf8')).toBe(`${hex}  model.safetensors\n`);
    expect(await verifyChecksum(file)).toBe(true);
    await writeFile(file, 'weightz');
    expect(await verifyChecksum(file)).toBe(false);
    expect(await verifyChecksum(path.join(t.dir, 'none'))).toBe(false);
  });
});
