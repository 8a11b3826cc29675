import type { RendererBridge } from '../core/protocol/bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the web host. */
    api?: RendererBridge;
  }
}

export {};
