/**
 * The web host: serves the built renderer and the host protocol over a WebSocket on 127.0.0.1,
 * guarded by a random per-launch token and an origin check.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_COMPUTE_MESSAGE_BYTES } from '../../core/protocol/compute';
import { createDispatch } from '../host/api';
import type { HostContext } from '../host/hostContext';
import { newToken } from '../host/ids';
import { isAuthorized } from './access';
import { attachSocket } from './socketBridge';
import { webHostContentSecurityPolicy } from '../host/csp';
import { securityHeaders, serveStatic } from './staticFiles';
import { handleDownload } from './downloadRoute';
import { handleUpload } from './uploadRoute';

/**
 * Requests are small JSON (datasets travel through /upload), except a window compute host's
 * checkpoint writes: base64 in one frame, bounded by MAX_CHECKPOINT_BYTES.
 */
const MAX_MESSAGE_BYTES = Math.max(1024 * 1024, MAX_COMPUTE_MESSAGE_BYTES);

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startWebHost(ctx: HostContext, rendererDir: string, port = 0): Promise<WebHost> {
  const token = newToken();
  const dispatch = createDispatch(ctx);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const server = createServer((req, res) => void route(req, res));
  let boundPort = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/upload' && req.method === 'POST') {
        if (!isAuthorized(req, token, boundPort)) return deny(res);
        return await handleUpload(ctx.workspace.dir, req, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405);
      if (path === '/download') {
        if (!isAuthorized(req, token, boundPort)) return deny(res);
        return await handleDownload(ctx.workspace.dir, req, res);
      }
      await serveStatic(rendererDir, req, res, webHostContentSecurityPolicy(boundPort));
    } catch (err) {
      // The cause goes to the host's log, not to the client.
      console.error(`web host: ${req.method ?? ''} request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, securityHeaders());
      res.end('internal error');
    }
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/api' || !isAuthorized(req, token, boundPort)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, dispatch, ctx.bus));
  });

  boundPort = await listen(server, port);
  return {
    url: `http://127.0.0.1:${boundPort}/?token=${token}`,
    port: boundPort,
    token,
    close: () => closeAll(server, wss),
  };
}

function deny(res: ServerResponse, status = 403): void {
  res.writeHead(status, securityHeaders()).end();
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeAll(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
