/**
 * Sandboxed preload: exposes `window.api` (RendererBridge) built from the contract's channel lists.
 * Only channels of the contract pass; everything is prefixed so no other IPC can be reached.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNEL_PREFIX, CHOOSE_FOLDER_CHANNEL, EVENT_CHANNELS, GRANT_FILE_CHANNEL, INVOKE_CHANNELS } from '../../core/protocol/channels';

const invokeChannels = new Set<string>(INVOKE_CHANNELS);
const eventChannels = new Set<string>(EVENT_CHANNELS);

const api = {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (!invokeChannels.has(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(CHANNEL_PREFIX + channel, payload);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!eventChannels.has(event)) throw new Error(`unknown event ${event}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(CHANNEL_PREFIX + event, wrapped);
    return () => ipcRenderer.removeListener(CHANNEL_PREFIX + event, wrapped);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  // The path comes from the File here, never from the page: a page can only grant what the
  // user dropped (a File made in script has no path).
  grantFile(file: File): Promise<string> {
    return ipcRenderer.invoke(GRANT_FILE_CHANNEL, webUtils.getPathForFile(file)) as Promise<string>;
  },
  chooseFolder(): Promise<string | null> {
    return ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL) as Promise<string | null>;
  },
};

contextBridge.exposeInMainWorld('api', api);
