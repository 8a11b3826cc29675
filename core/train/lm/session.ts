/**
 * The mutable state of an LM run — parameters, AdamW state, step, data streams, RNG — created
 * fresh from the job's seed or restored from a checkpoint, and written back to one. Keeping it in
 * one place makes "what a checkpoint must contain for exact resume" checkable at a glance.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { expectedTensorShapes, initLmWeights } from '../../models/lm/weights';
import { initLoraAdapter } from '../../models/lora/adapter';
import { defaultLoraConfig } from '../../models/lora/config';
import { createRng, mixSeed } from '../rng';
import type { Rng } from '../rng';
import { disposeAdamWState, initAdamWState } from './adamw';
import type { AdamWState } from './adamw';
import { LM_CHECKPOINT_NAME, decodeLmCheckpoint, disposeLmCheckpoint, encodeLmCheckpoint } from './checkpoint';
import type { LmCheckpoint, Sha256 } from './checkpoint';
import type { ResolvedLmJob } from './job';
import { ExampleStream } from './exampleStream';
import { fullModel, loraModel } from './trainables';
import type { TrainableModel } from './trainables';

/** Streams derived from the run seed, so initialisation, adapter and dropout are independent. */
const STREAM = { init: 1, lora: 2, dropout: 3 } as const;

/** What session creation needs from the host. */
export interface SessionHooks {
  readCheckpoint?(name: string): Promise<Uint8Array | null>;
  writeCheckpoint?(name: string, bytes: Uint8Array): Promise<void>;
  loadBaseWeights?(): Promise<Map<string, tf.Tensor>>;
  readonly sha256?: Sha256;
}

/** A run in progress. The session owns every tensor in it. */
export interface LmSession {
  readonly job: ResolvedLmJob;
  readonly model: TrainableModel;
  params: Map<string, tf.Tensor>;
  optimizer: AdamWState;
  step: number; // updates done
  phase: string | null; // phase of the last update done
  streams: Map<string, ExampleStream>;
  dropoutRng: Rng;
}

function checkShapes(have: ReadonlyMap<string, tf.Tensor>, want: ReadonlyMap<string, readonly number[]>, what: string): void {
  for (const [name, shape] of want) {
    const t = have.get(name);
    if (t === undefined) throw new RecForgeError('validation', `${what} has no tensor ${name}`);
    if (t.shape.join(',') !== shape.join(',')) throw new RecForgeError('validation', `${what} tensor ${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`);
  }
  if (have.size !== want.size) throw new RecForgeError('validation', `${what} has ${have.size} tensors, expected ${want.size}`);
}

async function baseWeights(job: ResolvedLmJob, hooks: SessionHooks): Promise<Map<string, tf.Tensor>> {
  if (job.base.kind === 'random') return initLmWeights(job.model, mixSeed(job.seed, STREAM.init), job.base.std ?? 0.02);
  if (hooks.loadBaseWeights === undefined) throw new RecForgeError('validation', 'the job asks for provided base weights but the host gives none');
  const weights = await hooks.loadBaseWeights();
  checkShapes(weights, expectedTensorShapes(job.model), 'base weights');
  return weights;
}

function streamsAt(job: ResolvedLmJob, positions: LmCheckpoint['info']['data'] = {}): Map<string, ExampleStream> {
  return new Map(job.sources.map((s, i) => [s.name, new ExampleStream(s, i, job.seed, job.shuffle, positions[s.name])]));
}

/** A fresh run: base weights, trainable parameters, zero AdamW moments, streams at the start. */
async function freshSession(job: ResolvedLmJob, hooks: SessionHooks): Promise<LmSession> {
  const base = await baseWeights(job, hooks);
  const common = { job, step: 0, phase: null, streams: streamsAt(job), dropoutRng: createRng(mixSeed(job.seed, STREAM.dropout)) };
  if (job.trainable.kind === 'full') return { ...common, model: fullModel(), params: base, optimizer: initAdamWState(base) };
  const config = defaultLoraConfig(job.trainable.lora);
  const adapter = initLoraAdapter(job.model, config, mixSeed(job.seed, STREAM.lora));
  return { ...common, model: loraModel(base, config), params: adapter.tensors, optimizer: initAdamWState(adapter.tensors) };
}

/** Replaces the session's parameters, optimizer state, step, phase, streams and RNG by the checkpoint's. */
function restore(s: LmSession, ckpt: LmCheckpoint): void {
  if (ckpt.info.kind !== s.model.kind) throw new RecForgeError('validation', `checkpoint trains ${ckpt.info.kind} weights, the job ${s.model.kind}`);
  checkShapes(ckpt.params, new Map([...s.params].map(([n, t]) => [n, t.shape])), 'checkpoint');
  disposeSessionTensors(s);
  s.params = ckpt.params;
  s.optimizer = ckpt.optimizer;
  s.step = ckpt.info.step;
  s.phase = ckpt.info.phase === '' ? null : ckpt.info.phase;
  s.streams = streamsAt(s.job, ckpt.info.data);
  s.dropoutRng = createRng(ckpt.info.rng['dropout'] ?? 0);
}

/** The session a job starts from: its checkpoint when resuming and one exists, else a fresh one. */
export async function openSession(job: ResolvedLmJob, hooks: SessionHooks): Promise<LmSession> {
  const s = await freshSession(job, hooks);
  const bytes = job.resume ? await hooks.readCheckpoint?.(LM_CHECKPOINT_NAME) : null;
  if (!bytes) return s;
  try {
    const ckpt = await decodeLmCheckpoint(bytes, hooks.sha256);
    try {
      restore(s, ckpt);
    } catch (err) {
      disposeLmCheckpoint(ckpt);
      throw err;
    }
  } catch (err) {
    closeSession(s);
    throw err;
  }
  return s;
}

/** Writes the session as LM_CHECKPOINT_NAME (no-op when the host stores no checkpoints). */
export async function saveSession(s: LmSession, hooks: SessionHooks): Promise<void> {
  if (hooks.writeCheckpoint === undefined) return;
  const data = Object.fromEntries([...s.streams].map(([name, st]) => [name, st.position()]));
  const info = { step: s.step, rng: { dropout: s.dropoutRng.state() }, data, phase: s.phase ?? '', kind: s.model.kind };
  await hooks.writeCheckpoint(LM_CHECKPOINT_NAME, await encodeLmCheckpoint(s.params, s.optimizer, info, hooks.sha256));
}

function disposeSessionTensors(s: LmSession): void {
  for (const t of s.params.values()) t.dispose();
  disposeAdamWState(s.optimizer);
}

/** Frees every tensor of the session (parameters, moments, frozen base). */
export function closeSession(s: LmSession): void {
  disposeSessionTensors(s);
  s.model.dispose();
}
