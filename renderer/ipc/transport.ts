import type { HostMode, RendererBridge } from '../../core/protocol';
import type { ConnectionState } from '../store/types';
import { resolveToken, withoutToken } from './token';
import { createWsBridge } from './wsBridge';

interface Transport {
  readonly bridge: RendererBridge;
  readonly mode: HostMode;
}

interface TransportHooks {
  readonly onConnection: (state: ConnectionState) => void;
  readonly onReconnect: () => void;
}

let transport: Transport | null = null;
let token: string | null = null;

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Reads the web-host token from the URL (or this tab's session) and takes it out of the address bar. */
function takeToken(): string | null {
  const { search, hash, pathname } = window.location;
  const found = resolveToken(search, hash, sessionStore());
  const cleaned = `${pathname}${withoutToken(search)}${withoutToken(hash)}`;
  if (cleaned !== `${pathname}${search}${hash}`) window.history.replaceState(null, '', cleaned);
  return found;
}

/** ws(s)://<this host>/api?token=… */
function socketUrl(accessToken: string | null): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = accessToken === null ? '' : `?token=${encodeURIComponent(accessToken)}`;
  return `${scheme}://${window.location.host}/api${query}`;
}

/**
 * Connects once: Electron's preload bridge when `window.api` exists, otherwise a WebSocket bridge to the
 * web host this page was served from.
 */
export function connectTransport(hooks: TransportHooks): Transport {
  if (transport !== null) return transport;
  if (window.api !== undefined) {
    hooks.onConnection('open');
    transport = { bridge: window.api, mode: 'electron' };
    return transport;
  }
  token = takeToken();
  const bridge = createWsBridge({
    url: socketUrl(token),
    createSocket: (url) => new WebSocket(url),
    onConnection: hooks.onConnection,
    onReconnect: hooks.onReconnect,
  });
  transport = { bridge, mode: 'web' };
  return transport;
}

/** The connected bridge; bootstrap connects before anything renders. */
export function getBridge(): RendererBridge {
  if (transport === null) throw new Error('RecForge transport used before bootstrap connected it');
  return transport.bridge;
}

/** The web-host access token (null in Electron or when the page was opened without one). */
export function accessToken(): string | null {
  return token;
}
