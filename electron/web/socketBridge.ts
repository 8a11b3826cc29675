/**
 * The WebSocket side of the protocol: WireRequests in, replies and pushed events out.
 */
import type { WebSocket } from 'ws';
import { toApiError } from '../../core/errors';
import type { WireMessage, WireRequest } from '../../core/protocol/bridge';
import type { Dispatch } from '../host/api';
import type { EventBus } from '../host/eventBus';
import type { Caller } from '../host/caller';
import { isBulkChannel, MAX_PLAIN_MESSAGE_BYTES, messageTooLarge } from '../host/messageSize';

let sockets = 0;


/** The channel a frame names, read from its head (clients write {"id":…,"channel":…,"payload":…}). */
function headChannel(head: string): { id: number; channel: string } | null {
  const match = /^\{"id":(\d{1,15}),"channel":"([A-Za-z.]{1,64})"/.exec(head);
  return match ? { id: Number(match[1]), channel: match[2] ?? '' } : null;
}

/** A refusal for an oversized frame, or null when it may be parsed (parsing 60 MB of junk holds the host for seconds). */
function oversizedRefusal(data: Buffer): WireMessage | null {
  if (data.length <= MAX_PLAIN_MESSAGE_BYTES) return null;
  const head = headChannel(data.subarray(0, 128).toString('utf8'));
  if (head !== null && isBulkChannel(head.channel)) return null;
  return { kind: 'reply', id: head?.id ?? -1, result: { ok: false, error: toApiError(messageTooLarge(data.length)) } };
}

function parseWireRequest(data: unknown): WireRequest | null {
  try {
    const value: unknown = JSON.parse(String(data));
    if (typeof value !== 'object' || value === null) return null;
    const { id, channel, payload } = value as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string') return null;
    return { id, channel, payload };
  } catch {
    return null;
  }
}

function send(socket: WebSocket, message: WireMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** This client as the Caller of its invokes: events to it alone, gone when the socket closes. */
function socketCaller(socket: WebSocket): Caller {
  return {
    id: `socket-${++sockets}`,
    send: (event, payload) => send(socket, { kind: 'event', event, payload }),
    onGone: (listener) => {
      const once = (): void => listener();
      socket.once('close', once);
      return () => void socket.off('close', once);
    },
  };
}

/** Serves one connected client until it closes. */
export function attachSocket(socket: WebSocket, dispatch: Dispatch, bus: EventBus): void {
  const caller = socketCaller(socket);
  const unsubscribe = bus.subscribe(caller.send);
  socket.on('message', (data) => {
    const refusal = Buffer.isBuffer(data) ? oversizedRefusal(data) : null;
    if (refusal !== null) return void send(socket, refusal);
    const request = parseWireRequest(data);
    if (!request) {
      send(socket, {
        kind: 'reply',
        id: -1,
        result: { ok: false, error: { code: 'validation', message: 'malformed message: expected {id, channel, payload}' } },
      });
      return;
    }
    void dispatch(request.channel, request.payload, caller).then((result) => send(socket, { kind: 'reply', id: request.id, result }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
}
