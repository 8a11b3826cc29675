/**
 * Binds the contract to Electron IPC: one ipcMain.handle per invoke channel (payload validated in
 * dispatch), events forwarded to the window. Calls from frames other than the app are refused,
 * and so are oversized plain payloads (the web host's frame limit, measured on the clone).
 * Each call names its window as the Caller, so compute.* requests reach only the window that
 * attached and paths are read only when the window was given them.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { toApiError } from '../../core/errors';
import { CHANNEL_PREFIX, INVOKE_CHANNELS } from '../../core/protocol/channels';
import type { Dispatch } from '../host/api';
import type { EventBus } from '../host/eventBus';
import { isBulkChannel, messageTooLarge, payloadBytesOver } from '../host/messageSize';
import { isAppUrl } from './security';
import { windowCaller } from './windowCaller';
import { bindWindowPaths } from './windowPaths';

export function bindIpc(dispatch: Dispatch, bus: EventBus, window: BrowserWindow, appUrl: string): () => void {
  const paths = bindWindowPaths(window, appUrl);
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(CHANNEL_PREFIX + channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const sender = event.senderFrame?.url ?? '';
      if (!isAppUrl(sender, appUrl)) {
        return { ok: false, error: { code: 'validation', message: `refused IPC from ${sender}` } };
      }
      const oversized = isBulkChannel(channel) ? null : payloadBytesOver(payload);
      if (oversized !== null) return { ok: false, error: toApiError(messageTooLarge(oversized)) };
      return dispatch(channel, payload, windowCaller(event.sender, paths.access));
    });
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(CHANNEL_PREFIX + event, payload);
  });
  return () => {
    unsubscribe();
    paths.unbind();
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(CHANNEL_PREFIX + channel);
  };
}
