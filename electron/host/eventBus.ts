/**
 * Typed fan-out of host events to every connected window (Electron webContents, WebSocket clients).
 */
import type { EventChannel, EventPayload } from '../../core/protocol/ipc';

export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

export class EventBus {
  private readonly sinks = new Set<EventSink>();

  /** Registers a sink; returns the function that removes it. */
  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) {
      try {
        sink(event, payload);
      } catch {
        // A closed window must not stop delivery to the others.
      }
    }
  }
}
