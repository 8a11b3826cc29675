/**
 * Electron main process: one sandboxed, context-isolated window over the same host context the
 * web host uses. Workspace: --workspace DIR, RECFORGE_WORKSPACE, or <userData>/workspaces/demo.
 */
import { app, BrowserWindow, Menu, shell } from 'electron';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDispatch } from '../host/api';
import { HostContext } from '../host/hostContext';
import { computePreferenceFrom } from '../host/computeRouting';
import { appVersion, preloadBundlePath, rendererDir, windowIconPath, workerBundlePath } from '../host/paths';
import { bindIpc } from './ipc';
import { buildMenu } from './menu';
import { hardenContents, hardenSession } from './security';

const indexHtml = join(rendererDir, 'index.html');
const appUrl = pathToFileURL(indexHtml).href;

function workspaceDir(): string {
  const flag = process.argv.indexOf('--workspace');
  const given = flag >= 0 ? process.argv[flag + 1] : process.env['RECFORGE_WORKSPACE'];
  return resolve(given ?? join(app.getPath('userData'), 'workspaces', 'demo'));
}

function createWindow(): BrowserWindow {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'RecForge',
    icon: windowIconPath,
    backgroundColor: '#111418',
    webPreferences: {
      // Reviewed: the preload exposes only window.api, built from the contract's fixed channel
      // lists through contextBridge; it never hands Node or ipcRenderer objects to the page.
      preload: preloadBundlePath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open links in new windows; there is nothing to open.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

async function start(): Promise<void> {
  hardenSession();
  const ctx = await HostContext.create({
    workspaceDir: workspaceDir(),
    workerPath: workerBundlePath,
    mode: 'electron',
    version: app.isPackaged ? app.getVersion() : appVersion,
    seedDemo: true,
    compute: computePreferenceFrom(process.env['RECFORGE_COMPUTE']),
  });
  const window = createWindow();
  const unbind = bindIpc(createDispatch(ctx), ctx.bus, window, appUrl);
  Menu.setApplicationMenu(buildMenu(() => void shell.openPath(ctx.workspace.dir)));
  await window.loadFile(indexHtml);
  app.on('window-all-closed', () => {
    unbind();
    void ctx.close().finally(() => app.quit());
  });
}

app.enableSandbox();
hardenContents(appUrl);
app.whenReady().then(start).catch((err: unknown) => {
  process.stderr.write(`RecForge failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  app.exit(1);
});
