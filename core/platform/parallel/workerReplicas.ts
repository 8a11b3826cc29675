/**
 * Data-parallel replicas as Node worker threads: spawns them, hands each the model recipe and its
 * shared buffers, and wraps each in a ReplicaPort. The caller says where the replica script is
 * (a bundled .js in the app; the .ts source under tsx in tests and benches: sourceReplicas.ts).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { RecForgeError } from '../../errors';
import { sharedFloats } from '../../train/parallel/flatGrads';
import type { ReplicaMessage, ReplicaPort, ReplicaReply, ReplicaSlot, ReplicaSpec } from '../../train/parallel/protocol';

/** Where and how to start a replica thread: a script URL, or code with `eval: true`. */
export interface ReplicaScript {
  readonly entry: URL | string;
  readonly options?: WorkerOptions;
}

function portOf(worker: Worker): ReplicaPort {
  const waiting: ((r: ReplicaReply) => void)[] = [];
  const early: ReplicaReply[] = [];
  const deliver = (r: ReplicaReply): void => {
    const next = waiting.shift();
    if (next === undefined) early.push(r);
    else next(r);
  };
  worker.on('message', deliver);
  worker.on('error', (err) => deliver({ kind: 'error', message: err.message }));
  worker.on('exit', (code) => deliver({ kind: 'error', message: `replica thread exited (code ${code})` }));
  return {
    send: (message: ReplicaMessage) => worker.postMessage(message),
    reply: () => {
      const ready = early.shift();
      return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    close: async () => {
      worker.postMessage({ kind: 'close' } satisfies ReplicaMessage);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** Starts `count` replicas and waits until each has built its model. */
export async function startReplicas(count: number, spec: ReplicaSpec, gradLength: number, script: ReplicaScript): Promise<ReplicaSlot[]> {
  const slots: ReplicaSlot[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const grads = sharedFloats(gradLength);
      const port = portOf(new Worker(script.entry, script.options));
      slots.push({ port, grads });
      port.send({ kind: 'init', ...spec, grads: grads.buffer as SharedArrayBuffer });
    }
    for (const slot of slots) {
      const ready = await slot.port.reply();
      if (ready.kind !== 'ready') throw new RecForgeError('internal', `data-parallel replica did not start: ${ready.kind === 'error' ? ready.message : ready.kind}`);
    }
    return slots;
  } catch (err) {
    await Promise.all(slots.map((s) => s.port.close()));
    throw err;
  }
}
