/**
 * Messages between the lead trainer and its data-parallel replicas. Weights go lead → replicas
 * and gradients replicas → lead through SharedArrayBuffers laid out by flatGrads.ts; messages
 * carry only the shard and the step's dropout seed.
 */
import type { ModelConfigs, ModelName } from '../../models/registry';
import type { SeqBatch } from '../sampler';

/** Sent once: which model to build, and the shared buffers. */
export interface ReplicaInit {
  readonly kind: 'init';
  readonly family: ModelName;
  readonly config: ModelConfigs[ModelName];
  readonly numItems: number;
  /** Backend ladder rungs to try, normally just the lead's (e.g. ['wasm']). */
  readonly backendRungs: readonly string[];
  /** Float32 weights in the model's flat layout, written by the lead after every update. */
  readonly weights: SharedArrayBuffer;
  /** This replica's Float32 gradient slot, same layout. */
  readonly grads: SharedArrayBuffer;
}

/** The model a trainer asks replicas for; the host adds its backend rungs (ReplicaSpec). */
export type ReplicaModelSpec = Pick<ReplicaInit, 'family' | 'config' | 'numItems' | 'weights'>;

/** Everything a replica thread is started with except its own gradient slot. */
export type ReplicaSpec = Omit<ReplicaInit, 'kind' | 'grads'>;

/** One step: the replica's shard and the seed of its dropout stream for this step. */
export interface ReplicaStep {
  readonly kind: 'step';
  readonly shard: SeqBatch;
  readonly dropoutSeed: number;
}

export type ReplicaMessage = ReplicaInit | ReplicaStep | { readonly kind: 'close' };

export type ReplicaReply =
  | { readonly kind: 'ready'; readonly backend: string }
  | { readonly kind: 'grads'; readonly loss: number; readonly weight: number }
  | { readonly kind: 'error'; readonly message: string };

/** The lead's view of one replica, whatever carries the messages (worker_threads in Node). */
export interface ReplicaPort {
  send(message: ReplicaMessage): void;
  /** The replica's next reply. */
  reply(): Promise<ReplicaReply>;
  close(): Promise<void>;
}
