/**
 * How the training worker offers data-parallel replicas to every trainer (SASRec jobs and the LM
 * trainer inside recipes): one thread per extra core, on CPU backends only (a GPU backend already
 * uses the device; threads would fight over it), and only as many as memory allows — each replica
 * holds its own copy of the model. RECFORGE_TRAIN_THREADS overrides the count (1 = single-threaded).
 */
import { availableParallelism, freemem } from 'node:os';
import { join } from 'node:path';
import type { BackendInfo } from '../../core/protocol/dto';
import { startReplicas } from '../../core/platform/parallel/workerReplicas';
import type { ReplicaModelSpec, StartReplicas } from '../../core/train/parallel/protocol';

/** Most threads a job uses: past 4, gradient exchange and the serial optimizer step outweigh the gain. */
const MAX_THREADS = 4;
/** Share of free memory the replicas' model copies may take. */
const MEMORY_SHARE = 0.5;
/** A replica's footprint in model copies: its weights plus gradients, activations and transients. */
const COPIES_PER_REPLICA = 3;

/** Total training threads (lead included) for this machine and backend. */
export function trainThreads(backend: BackendInfo, env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env['RECFORGE_TRAIN_THREADS']);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, MAX_THREADS);
  if (backend.name !== 'wasm' && backend.name !== 'cpu') return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
}

/** Bytes of one model copy: the trainable weights plus, for LoRA, the frozen base. */
export function modelBytes(spec: ReplicaModelSpec): number {
  const frozen = spec.task.kind === 'lm' && spec.task.frozen.kind === 'lora' ? spec.task.frozen.weights.byteLength : 0;
  return spec.weights.byteLength + frozen;
}

/** How many of `wanted` replicas fit in `free` bytes of memory. */
export function replicasThatFit(wanted: number, spec: ReplicaModelSpec, free: number): number {
  const each = COPIES_PER_REPLICA * modelBytes(spec);
  return each === 0 ? wanted : Math.max(0, Math.min(wanted, Math.floor((MEMORY_SHARE * free) / each)));
}

/** The process-wide replica starter: replicas run the bundled replica script next to this worker. */
export function replicaStarter(backend: BackendInfo): StartReplicas | undefined {
  const extra = trainThreads(backend) - 1;
  if (extra === 0) return undefined;
  const script = { entry: join(__dirname, 'replica.cjs') };
  return async (spec, gradLength) => {
    const count = replicasThatFit(extra, spec, freemem());
    if (count === 0) return [];
    try {
      return await startReplicas(count, { ...spec, backendRungs: [backend.name] }, gradLength, script);
    } catch (err) {
      // Extra threads are a speed-up, not a requirement: the job trains on one thread instead.
      console.error(`data-parallel replicas did not start; training on one thread: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  };
}
