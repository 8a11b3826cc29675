import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksummedWriteSteps, sha256Hex, verifyChecksum, verifyChecksumOf, writeFileAtomic, writeFileAtomicWithChecksum } from './atomicWrite';
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

  it('a kill after any step of a rewrite leaves a file its sidecar accepts, old or new', async () => {
    const file = path.join(t.dir, 'checkpoint');
    await writeFileAtomicWithChecksum(file, 'epoch 1');
    const steps = await checksummedWriteSteps(file, 'epoch 2');
    const seen: string[] = [];
    for (const step of steps) {
      await step(); // the state a kill right after this step leaves
      expect(await verifyChecksum(file)).toBe(true);
      seen.push(await readFile(file, 'utf8'));
    }
    expect(seen).toEqual(['epoch 1', 'epoch 2', 'epoch 2']);
    expect(await readFile(`${file}.sha256`, 'utf8')).toBe(`${sha256Hex('epoch 2')}  checkpoint\n`);
    expect(await verifyChecksumOf(file, new TextEncoder().encode('epoch 1'))).toBe(false); // the old hash is gone once done
  });

  it('a first write killed before the file lands leaves no file (a fresh start), never an unverifiable one', async () => {
    const file = path.join(t.dir, 'fresh');
    const [sidecar] = await checksummedWriteSteps(file, 'epoch 1');
    await sidecar?.();
    expect(await readdir(t.dir)).toEqual(['fresh.sha256']);
  });
});
