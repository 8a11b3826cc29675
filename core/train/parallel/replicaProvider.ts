/**
 * Where trainers get data-parallel replicas from. The host that owns the threads (the training
 * worker) installs a starter once for the process, like it picks the tfjs backend once; every
 * trainer below it — SASRec jobs and the LM trainer inside any recipe — then uses the same
 * threads without each recipe passing a hook down. A trainer's own hook wins (tests use that).
 */
import type { StartReplicas } from './protocol';

let installed: StartReplicas | undefined;

/** Sets (or with undefined, removes) the process-wide replica starter. */
export function installReplicaStarter(start: StartReplicas | undefined): void {
  installed = start;
}

/** The trainer's own starter if it has one, else the installed one, else none. */
export function replicaStarter(own?: StartReplicas): StartReplicas | undefined {
  return own ?? installed;
}
