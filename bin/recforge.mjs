#!/usr/bin/env node
// The `recforge` command: runs the bundled CLI (build it once with `npm run build`).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const cli = new URL('../dist/electron/cli.cjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('recforge: the CLI is not built yet; run `npm run build` first\n');
  process.exit(1);
}
await import(pathToFileURL(cli.pathname).href);
