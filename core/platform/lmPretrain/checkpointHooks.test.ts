import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../../tensor/safetensors';
import { folderCheckpointHooks, readVerifiedCheckpoint } from './checkpointHooks';
import { checkpointMetadata } from './checkpointMeta';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const file = (meta: Record<string, string>): Uint8Array => encodeSafetensors(new Map([['w', { dtype: 'F32', shape: [2], data: Float32Array.of(1, 2) }]]), meta);

describe('folder checkpoint hooks', () => {
  it('writes atomically with a sidecar and reads back verified bytes; absent → null', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmp-hooks-'));
    const seen: string[] = [];
    const hooks = folderCheckpointHooks(dir, (name) => seen.push(name));
    expect(await hooks.readCheckpoint('c.safetensors')).toBeNull();
    const bytes = file({ step: '3' });
    await hooks.writeCheckpoint('c.safetensors', bytes);
    expect(await readFile(path.join(dir, 'c.safetensors.sha256'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}c\.safetensors\n$/);
    expect(await hooks.readCheckpoint('c.safetensors')).toEqual(bytes);
    expect(seen).toEqual(['c.safetensors']);
    expect(checkpointMetadata(bytes)).toEqual({ step: '3' });
  });

  it('a stale sidecar (killed between file and sidecar) is tolerated only when the file hashes its own payload', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmp-hooks-'));
    const hooks = folderCheckpointHooks(dir);
    const target = path.join(dir, 'c.safetensors');
    await hooks.writeCheckpoint('c.safetensors', file({ step: '3', payload_sha256: 'abc' }));
    await writeFile(`${target}.sha256`, `${'0'.repeat(64)}  c.safetensors\n`);
    expect(await readVerifiedCheckpoint(target)).not.toBeNull(); // runLmTrainJob then checks payload_sha256
    await writeFile(target, file({ step: '3' }));
    await expect(readVerifiedCheckpoint(target)).rejects.toThrow(/\.sha256 checksum/);
  });
});
