/**
 * The workspace's cache of trained LM stages, keyed by content: the digest of everything a
 * training's result depends on — the job (model config, trainable part, data phases, schedule,
 * optimiser, seed, steps, batch, length, packing, padding), the tokens of every example, the base
 * weights it starts from, and the engine context (the worker bundle's digest, backend, data-parallel
 * threads; LoRA dropout masks are drawn per thread). A second run whose stage has the same content — the
 * same recipe re-run with only evaluation or merge settings changed, or a CPRec run sharing its
 * CPT with another — reuses the tensors instead of training again. The run name is not part of
 * the key: it labels events only.
 */
import type * as tf from '@tensorflow/tfjs';
import { encodeUtf8 } from '../../tensor/utf8';
import type { LmTrainJob } from './job';

/** An incremental digest (the platform's SHA-256 in the app; anything stable in tests). */
export interface Digest {
  update(bytes: Uint8Array): void;
  hex(): string;
}

/** Trained tensors by name and the final training loss, as trainInMemory returns them. */
export interface CachedTraining {
  readonly tensors: Map<string, tf.Tensor>;
  readonly finalLoss: number | null;
}

/** Where trained stages are kept across runs. */
export interface TrainCache {
  /** What else the result depends on in this process: engine build, backend, threads. */
  readonly context: string;
  /**
   * The data-parallel threads `context` names. A training that ran on fewer (replicas that could
   * not start, e.g. under memory pressure) draws other LoRA dropout masks, so it is not stored.
   */
  readonly threads: number;
  newDigest(): Digest;
  /** The stored training, or null (absent or unreadable: then it trains again). Caller owns the tensors. */
  load(key: string): Promise<CachedTraining | null>;
  /** Stores a training; the tensors stay the caller's. */
  save(key: string, trained: CachedTraining): Promise<void>;
}

/** Bump when the key's layout changes (the worker's bundle digest in the context covers code changes). */
export const TRAIN_ENGINE_VERSION = 1;

/** JSON with object keys sorted, so equal jobs give equal bytes whatever order built them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const text = (s: string): Uint8Array => encodeUtf8(s);
/** The bytes of a typed array (int32 copies of plain arrays). */
const bytesOf = (a: ArrayLike<number>): Uint8Array => {
  const view = ArrayBuffer.isView(a) ? a : Int32Array.from(a);
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
};

/** The job's settings without what only names or schedules the run (runId, resume, checkpoint cadence) and without token arrays. */
function jobShape(job: LmTrainJob): unknown {
  const { runId: _runId, resume: _resume, checkpointEvery: _every, sources, ...rest } = job;
  return { ...rest, sources: sources.map((s) => ({ name: s.name, examples: s.promptLengths.length, tokens: s.tokens.length })) };
}

/** The content key of training `job` from `base` (none: its own seeded initialisation) in `cache`'s context. */
export function trainJobKey(cache: TrainCache, job: LmTrainJob, base?: ReadonlyMap<string, tf.Tensor>): string {
  const d = cache.newDigest();
  d.update(text(`recforge-lm-stage v${TRAIN_ENGINE_VERSION}\n${cache.context}\n${canonicalJson(jobShape(job))}\n`));
  for (const s of job.sources) for (const a of [s.tokens, s.offsets, s.promptLengths]) d.update(bytesOf(a));
  for (const [name, t] of [...(base ?? new Map<string, tf.Tensor>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    d.update(text(`\n${name} ${t.dtype} ${t.shape.join('x')}\n`));
    d.update(bytesOf(t.dataSync() as Float32Array));
  }
  return d.hex();
}
