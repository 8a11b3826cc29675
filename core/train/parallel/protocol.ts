/**
 * Messages between the lead trainer and its data-parallel replicas. Weights go lead → replicas
 * and gradients replicas → lead through SharedArrayBuffers laid out by flatGrads.ts; messages
 * carry only the work of a step (a shard of the batch and its dropout seeds). A replica computes
 * gradients for one task — a sequential recommender (SASRec) or a language model — set at init.
 */
import type { LmConfig } from '../../models/lm/config';
import type { LoraConfig } from '../../models/lora/config';
import type { ModelConfigs, ModelName } from '../../models/registry';
import type { MicroBatch } from '../lm/packing';
import type { SeqBatch } from '../sampler';
import type { FlatLayout } from './flatGrads';

/** A sequential recommender built from its family and config (variables in build order). */
export interface SeqRecTask {
  readonly kind: 'seqrec';
  readonly family: ModelName;
  readonly config: ModelConfigs[ModelName];
  readonly numItems: number;
}

/**
 * A language model whose trainable parameters are laid out by `params` (the whole decoder, or a
 * LoRA adapter over a frozen base that crosses once, through shared memory).
 */
export interface LmTask {
  readonly kind: 'lm';
  readonly config: LmConfig;
  readonly params: FlatLayout;
  readonly frozen: { readonly kind: 'full' } | { readonly kind: 'lora'; readonly lora: LoraConfig; readonly base: FlatLayout; readonly weights: SharedArrayBuffer };
}

export type ReplicaTask = SeqRecTask | LmTask;

/** Sent once: what to compute gradients for, and the shared buffers. */
export interface ReplicaInit {
  readonly kind: 'init';
  readonly task: ReplicaTask;
  /** Backend ladder rungs to try, normally just the lead's (e.g. ['wasm']). */
  readonly backendRungs: readonly string[];
  /** Float32 trainable weights in the task's flat layout, written by the lead after every update. */
  readonly weights: SharedArrayBuffer;
  /** This replica's Float32 gradient slot, same layout. */
  readonly grads: SharedArrayBuffer;
}

/** What a trainer asks replicas for; the host adds its backend rungs (ReplicaSpec). */
export type ReplicaModelSpec = Pick<ReplicaInit, 'task' | 'weights'>;

/** Everything a replica thread is started with except its own gradient slot. */
export type ReplicaSpec = Omit<ReplicaInit, 'kind' | 'grads'>;

/** A trainer's way to get replicas for `spec` (none when the host offers no threads). */
export type StartReplicas = (spec: ReplicaModelSpec, gradLength: number) => Promise<ReplicaSlot[]>;

/** A SASRec-style step: the replica's rows of the batch and the seed of its dropout stream. */
export interface SeqRecWork {
  readonly kind: 'seqrec';
  readonly shard: SeqBatch;
  readonly dropoutSeed: number;
}

/**
 * An LM step: the replica's rows of every micro-batch, one dropout seed per micro-batch (null =
 * no dropout) and the scored-token count of the whole update, which every loss is divided by.
 */
export interface LmWork {
  readonly kind: 'lm';
  readonly batches: readonly MicroBatch[];
  readonly dropoutSeeds: readonly (number | null)[];
  readonly total: number;
}

export interface ReplicaStep {
  readonly kind: 'step';
  readonly work: SeqRecWork | LmWork;
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

/** One replica as the lead sees it: its port and its gradient slot. */
export interface ReplicaSlot {
  readonly port: ReplicaPort;
  readonly grads: Float32Array;
}
