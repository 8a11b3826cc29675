/**
 * Checkpoint reads and writes from the compute worker, relayed by its window to the host
 * (compute.writeCheckpoint / compute.readCheckpoint).
 */
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import { callWindow } from './windowCalls';
import { scope } from './workerScope';

/** Has the host write runs/<runId>/checkpoints/<name> (atomically, with its checksum). */
export async function writeCheckpoint(runId: string, name: string, bytes: Uint8Array): Promise<void> {
  await callWindow((callId) => scope.postMessage({ type: 'writeCheckpoint', callId, runId, name, bytes: encodeBase64(bytes) }));
}

/** The checkpoint's bytes (checksum verified by the host), or null when there is none. */
export async function readCheckpoint(runId: string, name: string): Promise<Uint8Array | null> {
  const reply = await callWindow((callId) => scope.postMessage({ type: 'readCheckpoint', callId, runId, name }));
  const text = reply.type === 'reply' ? reply.bytes : null;
  return text === null ? null : decodeBase64(text, `checkpoint ${name}`);
}
