/**
 * Replica threads from the TypeScript source, for tests and benches (which run under tsx). Kept
 * apart from workerReplicas.ts so the app's bundles, which start the bundled replica script, do
 * not carry an `import.meta` their CommonJS output cannot give a value.
 */
import type { StartReplicas } from '../../train/parallel/protocol';
import { startReplicas, type ReplicaScript } from './workerReplicas';

/**
 * The replica script as TypeScript source, loaded through tsx's import API inside the thread
 * (`--import tsx` in execArgv does not reach worker threads).
 */
export function sourceReplicaScript(): ReplicaScript {
  const source = new URL('./replicaWorker.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
  return { entry: code, options: { eval: true } };
}

/** A trainer's replica starter: `count` threads from source on `backendRung`. */
export function sourceReplicaStarter(count: number, backendRung: string): StartReplicas {
  return (spec, gradLength) => startReplicas(count, { ...spec, backendRungs: [backendRung] }, gradLength, sourceReplicaScript());
}
