/**
 * Calls from the compute worker to the host: the worker cannot reach the host itself, so each call
 * goes to the window as a message with a call id and resolves when the window relays the host's
 * answer ('reply' for checkpoints, 'fileReply' for the file port).
 */
import { RecForgeError } from '../../core/errors';
import type { ToComputeWorker } from '../../core/protocol/compute';

export type WindowReply = Extract<ToComputeWorker, { type: 'reply' | 'fileReply' }>;
type Answer = Extract<WindowReply, { ok: true }>;

let nextCallId = 1;
const pending = new Map<number, (reply: WindowReply) => void>();

/** Sends a call (the caller posts it with the id) and waits for its answer; a host error rejects. */
export function callWindow(send: (callId: number) => void): Promise<Answer> {
  const callId = nextCallId++;
  return new Promise((resolve, reject) => {
    pending.set(callId, (reply) => (reply.ok ? resolve(reply) : reject(new RecForgeError('internal', reply.message))));
    send(callId);
  });
}

/** Settles the call a reply answers (unknown ids are ignored: the call's worker run already ended). */
export function settleWindowCall(reply: WindowReply): void {
  const settle = pending.get(reply.callId);
  pending.delete(reply.callId);
  settle?.(reply);
}
