/**
 * worker_threads entry of a data-parallel replica: its own tfjs backend (the lead's rung, so both
 * compute with the same kernels), then init → ready, step → grads until close.
 */
import { parentPort } from 'node:worker_threads';
import { initBackend } from '../../tensor/backend';
import type { ReplicaMessage, ReplicaReply } from '../../train/parallel/protocol';
import { closeReplica, createReplica, replicaStep, type Replica } from '../../train/parallel/replica';

const port = parentPort;
if (port === null) throw new Error('replicaWorker must run in a worker thread');

let replica: Replica | null = null;

async function handle(msg: ReplicaMessage): Promise<ReplicaReply | null> {
  switch (msg.kind) {
    case 'init': {
      const backend = await initBackend({ prefer: msg.backendRungs });
      replica = createReplica(msg);
      return { kind: 'ready', backend: backend.name };
    }
    case 'step':
      if (replica === null) return { kind: 'error', message: 'step before init' };
      return replicaStep(replica, msg);
    case 'close':
      if (replica !== null) closeReplica(replica);
      replica = null;
      port?.close();
      return null;
  }
}

// Messages are handled one at a time, in order: a step never overlaps the next.
let queue = Promise.resolve();
port.on('message', (msg: ReplicaMessage) => {
  queue = queue.then(async () => {
    try {
      const reply = await handle(msg);
      if (reply !== null) port.postMessage(reply);
    } catch (err) {
      port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies ReplicaReply);
    }
  });
});
