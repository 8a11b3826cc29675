/**
 * Bundles the real training worker for host tests (the same esbuild settings as scripts/build.mjs),
 * into dist/test so its dependencies resolve from the repo's node_modules.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');

export async function buildTestWorker(): Promise<string> {
  const outfile = resolve(repoRoot, 'dist', 'test', 'worker.cjs');
  await build({
    entryPoints: [resolve(repoRoot, 'electron', 'worker', 'trainingWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
