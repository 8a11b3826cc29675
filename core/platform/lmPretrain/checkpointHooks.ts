/**
 * Checkpoint hooks of a pretraining run over a folder: every write is atomic (temp + rename) with
 * a .sha256 sidecar written crash-safely (atomicWrite's checksummedReplaceSteps); every read is
 * verified. Run folders from versions that wrote the sidecar after the file can hold a new file
 * next to its old sidecar (a SIGKILL between the two): such a file is still accepted when it
 * carries its own payload_sha256, because the trainer then verifies the tensor data on decode; a
 * file with neither a matching sidecar nor a payload hash is refused.
 */
import path from 'node:path';
import type { SessionHooks } from '../../train/lm/session';
import { sha256Hex, writeFileAtomicWithChecksum } from '../atomicWrite';
import { readVerifiedCheckpoint as readCheckpointFile } from '../checkpointFiles';
import { checkpointMetadata } from './checkpointMeta';

/** Bytes of a checkpoint, verified as described above; null when it does not exist. */
export function readVerifiedCheckpoint(file: string): Promise<Uint8Array | null> {
  return readCheckpointFile(file, (bytes) => checkpointMetadata(bytes)?.['payload_sha256'] !== undefined); // decode verifies it
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
