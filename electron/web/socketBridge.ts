/**
 * The WebSocket side of the protocol: WireRequests in, replies and pushed events out.
 */
import type { WebSocket } from 'ws';
import type { WireMessage, WireRequest } from '../../core/protocol/bridge';
import type { Dispatch } from '../host/api';
import type { EventBus } from '../host/eventBus';
import type { Caller } from '../host/caller';

let sockets = 0;

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
