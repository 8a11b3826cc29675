// Builds every runtime: Node-side bundles (Electron main, sandboxed preload, training worker,
// web host) with esbuild into dist/electron, and the renderer with Vite into dist/renderer.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  define: { 'process.env.RECFORGE_VERSION': JSON.stringify(version) },
  logLevel: 'warning',
};

// Dependencies stay in node_modules: tfjs finds its .wasm files there and DuckDB its native addon.
await build({
  ...common,
  packages: 'external',
  entryPoints: {
    main: 'electron/main/main.ts',
    worker: 'electron/worker/trainingWorker.ts',
    replica: 'core/platform/parallel/replicaWorker.ts',
    webhost: 'electron/web/main.ts',
    cli: 'electron/cli/main.ts',
  },
});
// A sandboxed preload can require nothing but 'electron': bundle everything else into it.
await build({ ...common, external: ['electron'], entryPoints: { preload: 'electron/preload/preload.ts' } });

const vite = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);
console.log(`built RecForge ${version} into dist/`);
