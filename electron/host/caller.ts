/**
 * The connection an invoke came from (one Electron window, or one WebSocket client). Most
 * handlers ignore it; the compute channels need it so a job goes to the window that offered
 * itself, only that window can report on it, and a closed window interrupts its run.
 */
import type { EventSink } from './eventBus';
import type { PathAccess } from './pathGrants';

export interface Caller {
  /** Stable for the connection's lifetime, e.g. 'window-3' or 'socket-12'. */
  readonly id: string;
  /** Sends an event to this connection only. */
  readonly send: EventSink;
  /**
   * Registers a listener run once when the connection goes away (closed, reloaded, dropped).
   * Returns its removal, for listeners that outlive their use (one per action call would pile up).
   */
  onGone(listener: () => void): () => void;
  /** Which local paths it may name (an Electron window); absent: the local user, any path. */
  readonly paths?: PathAccess;
}
