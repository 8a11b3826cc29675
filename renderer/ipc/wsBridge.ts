import type { EventChannel, InvokeChannel, RendererBridge, WireRequest } from '../../core/protocol';
import type { ApiResult, EventPayload, InvokeRequest, InvokeResponse } from '../../core/protocol';
import type { ConnectionState } from '../store/types';
import { backoffDelay } from './backoff';
import { CONNECTION_LOST, parseWireMessage } from './wire';

/** The part of the DOM WebSocket the bridge uses (a fake can stand in for tests). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
}

export interface WsBridgeOptions {
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  readonly onConnection?: (state: ConnectionState) => void;
  /** Called after every successful re-open (not the first): the caller re-hydrates its state. */
  readonly onReconnect?: () => void;
  readonly schedule?: (fn: () => void, ms: number) => void;
}

interface Pending {
  readonly resolve: (result: ApiResult<unknown>) => void;
  /** The frame, while it waits for an open socket; null once sent. */
  frame: string | null;
}

/**
 * RendererBridge over the web host's WebSocket. Calls made while disconnected wait and are sent on
 * (re)connect; calls already sent when the socket drops resolve to a connection-lost error (they are not
 * replayed, since imports and run starts are not idempotent). The socket reconnects with backoff.
 */
export function createWsBridge(options: WsBridgeOptions): RendererBridge {
  const schedule = options.schedule ?? ((fn: () => void, ms: number) => void setTimeout(fn, ms));
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: SocketLike | null = null;
  let open = false;
  let opened = false;
  let attempt = 0;
  let nextId = 1;

  const flush = (): void => {
    for (const entry of pending.values()) {
      if (entry.frame === null || socket === null) continue;
      socket.send(entry.frame);
      entry.frame = null;
    }
  };

  const connect = (): void => {
    const ws = options.createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      attempt = 0;
      options.onConnection?.('open');
      flush();
      if (opened) options.onReconnect?.();
      opened = true;
    };
    ws.onmessage = (ev) => {
      const message = parseWireMessage(ev.data);
      if (message === null) return;
      if (message.kind === 'event') {
        listeners.get(message.event)?.forEach((listener) => listener(message.payload));
        return;
      }
      const entry = pending.get(message.id);
      pending.delete(message.id);
      entry?.resolve(message.result);
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      open = false;
      for (const [id, entry] of pending) {
        if (entry.frame !== null) continue;
        pending.delete(id);
        entry.resolve(CONNECTION_LOST);
      }
      options.onConnection?.(opened ? 'reconnecting' : 'connecting');
      schedule(connect, backoffDelay(attempt++));
    };
  };

  const invoke = <C extends InvokeChannel>(
    channel: C,
    req: InvokeRequest<C>,
  ): Promise<ApiResult<InvokeResponse<C>>> =>
    new Promise<ApiResult<unknown>>((resolve) => {
      const id = nextId++;
      const request: WireRequest = { id, channel, payload: req ?? {} };
      pending.set(id, { resolve, frame: JSON.stringify(request) });
      if (open) flush();
    }) as Promise<ApiResult<InvokeResponse<C>>>;

  const on = <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set<(payload: unknown) => void>();
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    listeners.set(event, set);
    return () => void set.delete(wrapped);
  };

  options.onConnection?.('connecting');
  connect();
  return { invoke, on };
}
