/**
 * A scripted connection for host tests: records the events sent to it and can "close". It stands
 * in for a window's transport, not for the engine (the e2e journey runs the real worker).
 */
import type { EventChannel, EventPayload } from '../../core/protocol/ipc';
import type { Caller } from '../host/caller';

export interface FakeCaller extends Caller {
  readonly sent: { event: EventChannel; payload: unknown }[];
  /** The payloads of one event channel, in order. */
  payloads<E extends EventChannel>(event: E): EventPayload<E>[];
  close(): void;
  /** Listeners registered with onGone and not removed yet. */
  goneListeners(): number;
}

let nextId = 1;

export function fakeCaller(): FakeCaller {
  const sent: { event: EventChannel; payload: unknown }[] = [];
  const gone: (() => void)[] = [];
  return {
    id: `fake-${nextId++}`,
    sent,
    send: (event, payload) => void sent.push({ event, payload }),
    onGone: (listener) => {
      gone.push(listener);
      return () => {
        const k = gone.indexOf(listener);
        if (k >= 0) gone.splice(k, 1);
      };
    },
    goneListeners: () => gone.length,
    payloads: <E extends EventChannel>(event: E) => sent.filter((s) => s.event === event).map((s) => s.payload as EventPayload<E>),
    close: () => gone.splice(0).forEach((listener) => listener()),
  };
}
