/**
 * Checkpoint files of a run (runs/<id>/checkpoints/<name>), shared by both training paths: the
 * Node worker writes them itself, and the host writes them for a window's WebGPU worker, so a run
 * resumes from either path's checkpoint. Writes are atomic with a .sha256 sidecar; reads verify it.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { RecForgeError } from '../errors';
import { verifyChecksumOf, writeFileAtomicWithChecksum } from './atomicWrite';

/** Writes a checkpoint atomically (temp file + rename) with its checksum sidecar. */
export async function writeCheckpointFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomicWithChecksum(path, bytes);
}

/**
 * A checkpoint's bytes if it exists; a checksum mismatch is an error, never silently used, unless
 * `selfVerifying` says the bytes carry their own check (the reader then verifies them on decode).
 */
export async function readVerifiedCheckpoint(path: string, selfVerifying: (bytes: Uint8Array) => boolean = () => false): Promise<Uint8Array | null> {
  const buf = await readFile(path).catch(() => null);
  if (buf === null) return null;
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (!(await verifyChecksumOf(path, bytes)) && !selfVerifying(bytes)) {
    throw new RecForgeError('validation', `checkpoint ${basename(path)} does not match its .sha256 checksum`, {
      file: path,
      expected: 'the checksum written with it',
    });
  }
  return bytes;
}
