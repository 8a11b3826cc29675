/**
 * Bundles the real training worker for host tests (the same esbuild settings as scripts/build.mjs),
 * into dist/test so its dependencies resolve from the repo's node_modules.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');

export async function buildTestWorker(): Promise<string> {
  const outdir = resolve(repoRoot, 'dist', 'test');
  await build({
    // The data-parallel replica script sits next to the worker, as in the app bundle.
    entryPoints: { worker: resolve(repoRoot, 'electron', 'worker', 'trainingWorker.ts'), replica: resolve(repoRoot, 'core', 'platform', 'parallel', 'replicaWorker.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  return resolve(outdir, 'worker.cjs');
}
