import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../core/protocol';
import { run } from '../testing/fixtures';
import { createWsBridge, type SocketLike } from './wsBridge';

class FakeSocket implements SocketLike {
  sent: unknown[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {}
  open(): void {
    this.onopen?.({} as Event);
  }
  drop(): void {
    this.onclose?.({} as CloseEvent);
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const states: string[] = [];
  let reconnects = 0;
  const bridge = createWsBridge({
    url: 'ws://h/api?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    schedule: (fn, ms) => void timers.push({ fn, ms }),
    onConnection: (s) => void states.push(s),
    onReconnect: () => void (reconnects += 1),
  });
  const socket = (i: number): FakeSocket => sockets[i] ?? (() => { throw new Error(`no socket ${i}`); })();
  return { bridge, sockets, socket, timers, states, reconnects: () => reconnects };
}

describe('createWsBridge', () => {
  it('queues calls until open, then sends WireRequests and resolves replies by id', async () => {
    const t = setup();
    expect(t.socket(0).url).toBe('ws://h/api?token=t');
    const reply = t.bridge.invoke('runs.list', {});
    expect(t.socket(0).sent).toEqual([]);
    t.socket(0).open();
    expect(t.socket(0).sent).toEqual([{ id: 1, channel: 'runs.list', payload: {} }]);
    t.socket(0).receive({ kind: 'reply', id: 1, result: { ok: true, value: [] } });
    await expect(reply).resolves.toEqual({ ok: true, value: [] });
  });

  it('dispatches events to subscribers until they unsubscribe', () => {
    const t = setup();
    t.socket(0).open();
    const seen: RunSummary[] = [];
    const off = t.bridge.on('runs.onStatus', (s) => void seen.push(s));
    t.socket(0).receive({ kind: 'event', event: 'runs.onStatus', payload: run('a') });
    off();
    t.socket(0).receive({ kind: 'event', event: 'runs.onStatus', payload: run('b') });
    expect(seen.map((s) => s.id)).toEqual(['a']);
  });

  it('fails in-flight calls on close, reconnects with backoff, re-sends queued calls and reports the reconnect', async () => {
    const t = setup();
    t.socket(0).open();
    const inflight = t.bridge.invoke('runs.get', { runId: 'a' });
    t.socket(0).drop();
    await expect(inflight).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.states).toEqual(['connecting', 'open', 'reconnecting']);
    expect(t.timers).toHaveLength(1);

    const queued = t.bridge.invoke('system.info', {});
    t.timers[0]?.fn();
    t.socket(1).open();
    expect(t.socket(1).sent).toEqual([{ id: 2, channel: 'system.info', payload: {} }]);
    expect(t.reconnects()).toBe(1);
    t.socket(1).receive({ kind: 'reply', id: 2, result: { ok: false, error: { code: 'busy', message: 'later' } } });
    await expect(queued).resolves.toEqual({ ok: false, error: { code: 'busy', message: 'later' } });
  });

  it('backs off further while the host stays away', () => {
    const t = setup();
    t.socket(0).drop();
    t.timers[0]?.fn();
    t.socket(1).drop();
    expect(t.timers.map((x) => x.ms)[1]).toBeGreaterThan((t.timers[0]?.ms ?? 0) * 1.2);
    expect(t.states.at(-1)).toBe('connecting');
    expect(t.reconnects()).toBe(0);
  });

  it('ignores malformed frames and replies to unknown ids', () => {
    const t = setup();
    t.socket(0).open();
    t.socket(0).onmessage?.({ data: 'garbage' } as MessageEvent);
    t.socket(0).receive({ kind: 'reply', id: 99, result: { ok: true, value: 1 } });
    expect(t.sockets).toHaveLength(1);
  });
});
