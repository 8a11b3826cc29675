/**
 * Checkpoint hooks of a pretraining run over a folder: every write is atomic (temp + rename) with
 * a .sha256 sidecar written crash-safely (atomicWrite's checksummedWriteSteps); every read is
 * verified. Run folders from versions that wrote the sidecar after the file can hold a new file
 * next to its old sidecar (a SIGKILL between the two): such a file is still accepted when it
 * carries its own payload_sha256, because the trainer then verifies the tensor data on decode; a
 * file with neither a matching sidecar nor a payload hash is refused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { SessionHooks } from '../../train/lm/session';
import { sha256Hex, verifyChecksumOf, writeFileAtomicWithChecksum } from '../atomicWrite';
import { checkpointMetadata } from './checkpointMeta';

/** Bytes of a checkpoint, verified as described above; null when it does not exist. */
export async function readVerifiedCheckpoint(file: string): Promise<Uint8Array | null> {
  const buf = await readFile(file).catch(() => null);
  if (buf === null) return null;
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (await verifyChecksumOf(file, bytes)) return bytes;
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
