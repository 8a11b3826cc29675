import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WireMessage } from '../../core/protocol/bridge';
import { STALE_UPLOAD_MS } from '../host/uploads';
import { startHarness, type Harness } from '../testing/hostHarness';
import { startWebHost, type WebHost } from './server';
import { MAX_PLAIN_MESSAGE_BYTES } from '../host/messageSize';

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextReply(ws: WebSocket): Promise<WireMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: unknown): void => {
      const message = JSON.parse(String(data)) as WireMessage;
      if (message.kind !== 'reply') return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

describe('web host', () => {
  let harness: Harness;
  let host: WebHost;
  let base: string;

  beforeAll(async () => {
    harness = await startHarness();
    const renderer = await mkdtemp(join(tmpdir(), 'recforge-renderer-'));
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>RecForge</title>');
    host = await startWebHost(harness.ctx, renderer);
    base = `127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    await harness.dispose();
  });

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const page = await fetch(`http://${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The window's compute worker loads from the app's own origin, and from nowhere else.
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self';");
    expect((await fetch(`http://${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    // The page may open its own socket only, not any local WebSocket service.
    const connect = /connect-src ([^;]*)/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(connect).toBe(`'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
    // A malformed path is a bad request, and no error text reaches the client.
    const malformed = await fetch(`http://${base}/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toMatch(/URI/);
  });

  it('answers protocol calls over the socket with the token', async () => {
    const ws = await connect(`ws://${base}/api?token=${host.token}`, `http://${base}`);
    ws.send(JSON.stringify({ id: 1, channel: 'system.info', payload: {} }));
    const reply = await nextReply(ws);
    expect(reply).toMatchObject({ kind: 'reply', id: 1, result: { ok: true, value: { mode: 'web' } } });
    ws.send('{not json');
    expect(await nextReply(ws)).toMatchObject({ result: { ok: false, error: { code: 'validation' } } });
    ws.send(JSON.stringify({ id: 2, channel: 'runs.get', payload: { runId: '../x' } }));
    expect(await nextReply(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'validation' } } });
    // A big frame is refused unread unless a compute host's channel sends it (checkpoint bytes).
    const padding = 'x'.repeat(MAX_PLAIN_MESSAGE_BYTES);
    ws.send(JSON.stringify({ id: 3, channel: 'system.info', payload: { padding } }));
    expect(await nextReply(ws)).toMatchObject({ id: 3, result: { ok: false, error: { message: expect.stringMatching(/too large/) } } });
    ws.send(JSON.stringify({ id: 4, channel: 'compute.event', payload: { padding } }));
    expect(await nextReply(ws)).toMatchObject({ id: 4, result: { ok: false, error: { message: expect.not.stringMatching(/too large/) } } });
    ws.close();
  });

  it('rejects a wrong token and a foreign origin', async () => {
    await expect(connect(`ws://${base}/api?token=wrong`)).rejects.toThrow(/403/);
    await expect(connect(`ws://${base}/api?token=${host.token}`, 'http://evil.example')).rejects.toThrow(/403/);
    const upload = await fetch(`http://${base}/upload?name=a.csv`, { method: 'POST', body: 'x' });
    expect(upload.status).toBe(403);
  });

  it('stages an upload inside the workspace', async () => {
    const res = await fetch(`http://${base}/upload?token=${host.token}&name=${encodeURIComponent('../../a.csv')}`, {
      method: 'POST',
      body: 'user,item,timestamp\n',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'a.csv', bytes: 20 });
  });

  it('an upload cut off mid-stream leaves nothing in the workspace; abandoned old uploads are pruned by the next one', async () => {
    const uploads = join(harness.dir, 'uploads');
    const before = new Set(await readdir(uploads).catch(() => [] as string[]));
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/upload?token=${host.token}&name=big.csv`, headers: { 'content-length': '1000000' } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(50_000, 65), () => setTimeout(() => req.destroy(), 100));
    });
    await expect.poll(async () => (await readdir(uploads)).filter((id) => !before.has(id))).toEqual([]);

    const old = join(uploads, 'up_0000000000000000');
    await mkdir(old, { recursive: true });
    await writeFile(join(old, 'left.csv'), 'x');
    const dayAgo = new Date(Date.now() - STALE_UPLOAD_MS - 60_000);
    await utimes(old, dayAgo, dayAgo);
    const res = await fetch(`http://${base}/upload?token=${host.token}&name=b.csv`, { method: 'POST', body: 'user,item\n' });
    expect(res.status).toBe(200);
    expect(await readdir(uploads)).not.toContain('up_0000000000000000');
  });
});
