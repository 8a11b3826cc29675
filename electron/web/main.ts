/**
 * `node dist/electron/webhost.cjs [--workspace DIR] [--port N] [--no-demo] [--open]`
 * Starts the engine and serves the studio to a browser on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HostContext } from '../host/hostContext';
import { computePreferenceFrom } from '../host/computeRouting';
import { appVersion, defaultWorkspaceDir, rendererDir, workerBundlePath } from '../host/paths';
import { startWebHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-demo': { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
    },
  });
  const workspaceDir = resolve(values.workspace ?? defaultWorkspaceDir());
  const ctx = await HostContext.create({
    workspaceDir,
    workerPath: workerBundlePath,
    mode: 'web',
    version: appVersion,
    seedDemo: !values['no-demo'],
    compute: computePreferenceFrom(process.env['RECFORGE_COMPUTE']),
  });
  const host = await startWebHost(ctx, rendererDir, Number(values.port));
  process.stdout.write(`RecForge ${appVersion} — web host (no Electron window)\n`);
  process.stdout.write(`workspace: ${workspaceDir}\n`);
  process.stdout.write(`RECFORGE_URL=${host.url}\n`);
  if (values.open) openBrowser(host.url);
  const shutdown = (): void => void host.close().then(() => ctx.close()).finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** Best effort: xdg-open / open / start, whichever the platform has. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stdout.write('No browser found to open; open the URL above yourself.\n'));
  child.unref();
}

main().catch((err: unknown) => {
  process.stderr.write(`web host failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
