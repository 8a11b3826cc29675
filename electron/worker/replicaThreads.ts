/**
 * How the training worker offers data-parallel replicas to SASRec-style training: one thread per
 * extra core, on CPU backends only (a GPU backend already uses the device; threads would fight
 * over it). RECFORGE_TRAIN_THREADS overrides the count (1 = single-threaded).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BackendInfo } from '../../core/protocol/dto';
import { startReplicas } from '../../core/platform/parallel/workerReplicas';
import type { ReplicaSlot } from '../../core/train/parallel/dataParallel';
import type { ReplicaModelSpec } from '../../core/train/parallel/protocol';

/** Most threads a job uses: past 4, gradient exchange and the serial Adam step outweigh the gain. */
const MAX_THREADS = 4;

/** Total training threads (lead included) for this machine and backend. */
export function trainThreads(backend: BackendInfo, env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env['RECFORGE_TRAIN_THREADS']);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, MAX_THREADS);
  if (backend.name !== 'wasm' && backend.name !== 'cpu') return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/** The startReplicas hook of a job: replicas run the bundled replica script next to this worker. */
export function replicaStarter(backend: BackendInfo): ((spec: ReplicaModelSpec, gradLength: number) => Promise<ReplicaSlot[]>) | undefined {
  const extra = trainThreads(backend) - 1;
  if (extra === 0) return undefined;
  const script = { entry: join(__dirname, 'replica.cjs') };
  return (spec, gradLength) => startReplicas(extra, { ...spec, backendRungs: [backend.name] }, gradLength, script);
}
