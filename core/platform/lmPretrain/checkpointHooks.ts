/**
 * Checkpoint hooks of a pretraining run over a folder: every write is atomic (temp + rename) with
 * a .sha256 sidecar; every read is verified. One crash window needs care: a SIGKILL after the
 * checkpoint's rename but before its sidecar's leaves a new file next to the old sidecar. Such a
 * file is still accepted when it carries its own payload_sha256 (LM checkpoints written with a
 * sha256 hook do), because the trainer then verifies the tensor data itself on decode; a file
 * with neither a matching sidecar nor a payload hash is refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { SessionHooks } from '../../train/lm/session';
import { sha256Hex, verifyChecksum, writeFileAtomicWithChecksum } from '../atomicWrite';
import { checkpointMetadata } from './checkpointMeta';

/** Bytes of a checkpoint, verified as described above; null when it does not exist. */
export async function readVerifiedCheckpoint(file: string): Promise<Uint8Array | null> {
  const buf = await readFile(file).catch(() => null);
  if (buf === null) return null;
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (await verifyChecksum(file)) return bytes;
  if (checkpointMetadata(bytes)?.['payload_sha256'] !== undefined) return bytes; // decode verifies it
  throw new RecForgeError('validation', `checkpoint ${path.basename(file)} does not match its .sha256 checksum`, { file, expected: 'the checksum written with it' });
}

/**
 * Session hooks reading and writing `dir`. `onWrite` sees every written checkpoint's bytes (the
 * runner keeps the last one to export the final weights without reading them back).
 */
export function folderCheckpointHooks(dir: string, onWrite: (name: string, bytes: Uint8Array) => void = () => undefined): Required<Pick<SessionHooks, 'readCheckpoint' | 'writeCheckpoint' | 'sha256'>> {
  return {
    readCheckpoint: (name) => readVerifiedCheckpoint(path.join(dir, name)),
    writeCheckpoint: async (name, bytes) => {
      await writeFileAtomicWithChecksum(path.join(dir, name), bytes);
      onWrite(name, bytes);
    },
    sha256: (bytes) => sha256Hex(bytes),
  };
}
