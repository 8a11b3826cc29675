/**
 * The main-process half of a window's path grants (see host/pathGrants.ts): the preload hands
 * over dropped files, the native folder dialog grants what the user picks, and a typed path
 * is granted only when the user says yes in a native question the page cannot answer.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isAbsolute } from 'node:path';
import { CHOOSE_FOLDER_CHANNEL, GRANT_FILE_CHANNEL } from '../../core/protocol/channels';
import { GrantedPaths, windowPathAccess, type PathAccess } from '../host/pathGrants';
import { isAppUrl } from './security';

async function askToRead(window: BrowserWindow, path: string): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Allow', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Let RecForge read this path?',
    detail: `${path}\n\nIt was typed in the studio. RecForge reads only what you drop, pick with Browse…, or allow here.`,
  });
  return response === 0;
}

/** Binds the grant channels for `window`; returns its access (for its callers) and the unbinding. */
export function bindWindowPaths(window: BrowserWindow, appUrl: string): { access: PathAccess; unbind: () => void } {
  const grants = new GrantedPaths();
  const fromApp = (event: IpcMainInvokeEvent): boolean => event.sender === window.webContents && isAppUrl(event.senderFrame?.url ?? '', appUrl);
  ipcMain.handle(GRANT_FILE_CHANNEL, async (event, path: unknown) => {
    if (!fromApp(event) || typeof path !== 'string' || !isAbsolute(path)) return '';
    await grants.grantFile(path);
    return path;
  });
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event) => {
    if (!fromApp(event)) return null;
    const picked = await dialog.showOpenDialog(window, { properties: ['openDirectory'] });
    const [folder] = picked.filePaths;
    if (picked.canceled || folder === undefined) return null;
    await grants.grantFolder(folder);
    return folder;
  });
  return {
    access: windowPathAccess(grants, (path) => askToRead(window, path)),
    unbind: () => {
      ipcMain.removeHandler(GRANT_FILE_CHANNEL);
      ipcMain.removeHandler(CHOOSE_FOLDER_CHANNEL);
    },
  };
}
