/**
 * What the renderer gets as `window.api` (Electron preload) or builds over WebSocket (web host),
 * and the wire format of the WebSocket transport. Both carry the same InvokeMap / EventMap.
 */
import type { ApiResult } from './dto';
import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from './ipc';

export interface RendererBridge {
  invoke<C extends InvokeChannel>(channel: C, req: InvokeRequest<C>): Promise<ApiResult<InvokeResponse<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Electron only: the real filesystem path of a dropped File (webUtils.getPathForFile). */
  readonly pathForFile?: (file: object) => string;
  /** Electron only: grants the window read access to a dropped File; resolves to its path ('' if none). */
  readonly grantFile?: (file: object) => Promise<string>;
  /** Electron only: a folder chosen in the native dialog (and granted), or null if cancelled. */
  readonly chooseFolder?: () => Promise<string | null>;
}

/** Client → server over the WebSocket at `/api?token=…`. */
export interface WireRequest {
  readonly id: number;
  readonly channel: string;
  readonly payload: unknown;
}

/** Server → client: the reply to request `id`, or a pushed event. */
export type WireMessage =
  | { readonly kind: 'reply'; readonly id: number; readonly result: ApiResult<unknown> }
  | { readonly kind: 'event'; readonly event: EventChannel; readonly payload: unknown };

/**
 * Web-host upload: `POST /upload?token=…&name=<file name>` with the raw bytes as body answers
 * `UploadReply`; the returned uploadId is then passed to datasets.import as {kind:'upload'}.
 */
export interface UploadReply {
  readonly uploadId: string;
  readonly name: string;
  readonly bytes: number;
}
