/**
 * Binds the contract to Electron IPC: one ipcMain.handle per invoke channel (payload validated in
 * dispatch), events forwarded to the window. Calls from frames other than the app are refused.
 * Each call names its window as the Caller, so compute.* requests reach only the window that attached.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_PREFIX, INVOKE_CHANNELS } from '../../core/protocol/channels';
import type { Dispatch } from '../host/api';
import type { EventBus } from '../host/eventBus';
import { isAppUrl } from './security';
import { windowCaller } from './windowCaller';

export function bindIpc(dispatch: Dispatch, bus: EventBus, window: BrowserWindow, appUrl: string): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(CHANNEL_PREFIX + channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const sender = event.senderFrame?.url ?? '';
      if (!isAppUrl(sender, appUrl)) {
        return { ok: false, error: { code: 'validation', message: `refused IPC from ${sender}` } };
      }
      return dispatch(channel, payload, windowCaller(event.sender));
    });
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(CHANNEL_PREFIX + event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(CHANNEL_PREFIX + channel);
  };
}
