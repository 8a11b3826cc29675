/**
 * Where the bundled pieces sit relative to each other in dist/ (and inside the packaged app).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** dist/electron — every Node-side bundle (main, preload, worker, web host, CLI) lives here. */
export const bundleDir = __dirname;
/** Worker threads cannot start from inside an asar archive: packaged builds unpack the worker. */
export const workerBundlePath = join(bundleDir, 'worker.cjs').replace(/app\.asar([/\\])/, 'app.asar.unpacked$1');
export const preloadBundlePath = join(bundleDir, 'preload.cjs');
export const rendererDir = resolve(bundleDir, '..', 'renderer');
/** The window icon (Linux and Windows title bars; macOS takes the bundle's icon). */
export const windowIconPath = join(rendererDir, 'icon.png');

export { appVersion } from './appVersion';

/** The demo workspace used when none is given (web host and CLI; Electron uses userData). */
export function defaultWorkspaceDir(): string {
  return process.env['RECFORGE_WORKSPACE'] ?? join(homedir(), '.recforge', 'demo-workspace');
}
