// Runs the Playwright journeys against the web host in Debian Chromium, and again against the
// Electron window where the Electron binary is installed.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

const args = ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)];
const targets = electronBinary() ? ['web', 'electron'] : ['web'];
if (targets.length === 1) console.log('e2e: Electron binary not installed — running the journeys against the web host only');
for (const target of targets) {
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, RECFORGE_E2E_TARGET: target } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
