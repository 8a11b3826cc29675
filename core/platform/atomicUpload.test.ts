/** Chunked uploads appear all at once or not at all: nothing is left by an aborted or failed one. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir';
import { verifyChecksum } from './atomicWrite';
import { beginAtomicUpload } from './atomicUpload';

const tmp = useTempDir('rf-upload-');

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('beginAtomicUpload', () => {
  it('publishes the appended chunks on commit, with a checksum sidecar', async () => {
    const target = path.join(tmp.dir, 'model', 'model.safetensors');
    const upload = await beginAtomicUpload(target, 100);
    await upload.append(bytes(1, 2, 3));
    await upload.append(bytes(4, 5));
    await expect(readFile(target)).rejects.toThrow(); // nothing visible before commit
    await upload.commit(5);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 4, 5));
    expect(await verifyChecksum(target)).toBe(true);
    expect((await readdir(path.dirname(target))).sort()).toEqual(['model.safetensors', 'model.safetensors.sha256']);
  });

  it('appends that arrive together land one after the other, in arrival order', async () => {
    const target = path.join(tmp.dir, 'out.bin');
    const upload = await beginAtomicUpload(target, 100);
    await Promise.all([upload.append(bytes(1, 2, 3)), upload.append(bytes(4, 5)), upload.append(bytes(6))]);
    await upload.commit(6);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes(1, 2, 3, 4, 5, 6));
  });

  it('leaves the old file and no temp file when aborted', async () => {
    const target = path.join(tmp.dir, 'a.json');
    await writeFile(target, 'old');
    const upload = await beginAtomicUpload(target, 100);
    await upload.append(bytes(1, 2));
    await upload.abort();
    await upload.abort();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(tmp.dir)).toEqual(['a.json']);
  });

  it('refuses a commit whose size does not match and cleans up', async () => {
    const target = path.join(tmp.dir, 'a.bin');
    const upload = await beginAtomicUpload(target, 100);
    await upload.append(bytes(1, 2));
    await expect(upload.commit(3)).rejects.toMatchObject({ detail: 'upload of a.bin: 2 bytes arrived, 3 were sent' });
    expect(await readdir(tmp.dir)).toEqual([]);
    await expect(upload.append(bytes(1))).rejects.toThrow(/already finished/);
  });

  it('refuses appends past the size bound and cleans up', async () => {
    const upload = await beginAtomicUpload(path.join(tmp.dir, 'a.bin'), 3);
    await upload.append(bytes(1, 2));
    await expect(upload.append(bytes(3, 4))).rejects.toThrow(/more than 3 bytes/);
    expect(await readdir(tmp.dir)).toEqual([]);
  });
});
