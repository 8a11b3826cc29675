/**
 * Checkpoint reads and writes from the compute worker: it cannot reach the host itself, so each
 * call goes to the window as a message with a call id and resolves when the window relays the
 * host's reply (compute.writeCheckpoint / compute.readCheckpoint).
 */
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import { RecForgeError } from '../../core/errors';
import type { ToComputeWorker } from '../../core/protocol/compute';
import { scope } from './workerScope';

type Reply = Extract<ToComputeWorker, { type: 'reply' }>;

let nextCallId = 1;
const pending = new Map<number, (reply: Reply) => void>();

function call(send: (callId: number) => void): Promise<string | null> {
  const callId = nextCallId++;
  return new Promise((resolve, reject) => {
    pending.set(callId, (reply) => (reply.ok ? resolve(reply.bytes) : reject(new RecForgeError('internal', reply.message))));
    send(callId);
  });
}

/** Settles the call a reply answers (unknown ids are ignored: the call's worker run already ended). */
export function settleCheckpointCall(reply: Reply): void {
  const settle = pending.get(reply.callId);
  pending.delete(reply.callId);
  settle?.(reply);
}

/** Has the host write runs/<runId>/checkpoints/<name> (atomically, with its checksum). */
export async function writeCheckpoint(runId: string, name: string, bytes: Uint8Array): Promise<void> {
  await call((callId) => scope.postMessage({ type: 'writeCheckpoint', callId, runId, name, bytes: encodeBase64(bytes) }));
}

/** The checkpoint's bytes (checksum verified by the host), or null when there is none. */
export async function readCheckpoint(runId: string, name: string): Promise<Uint8Array | null> {
  const text = await call((callId) => scope.postMessage({ type: 'readCheckpoint', callId, runId, name }));
  return text === null ? null : decodeBase64(text, `checkpoint ${name}`);
}
