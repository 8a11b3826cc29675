/**
 * Training checkpoints as safetensors bytes: every model variable under its stable name, plus
 * Adam's moments as `optimizer.m.<name>` / `optimizer.v.<name>`, with run facts in __metadata__.
 */
import * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../errors';
import type { SequentialRecModel } from '../models/types';
import { decodeSafetensors, encodeSafetensors, type StoredTensor } from '../tensor/safetensors';

/** Facts stored in the checkpoint's metadata (all become strings). */
export interface CheckpointInfo {
  readonly epoch: number;
  readonly step: number;
  readonly config: unknown;
  /** States of the run's random streams at the checkpoint, by stream name (exact resume). */
  readonly rng: Readonly<Record<string, number>>;
}

/** What a restored checkpoint says about where training stopped. */
export interface RestoredCheckpoint {
  readonly epoch: number;
  readonly step: number;
  readonly rng: Readonly<Record<string, number>>;
}

async function stored(t: tf.Tensor): Promise<StoredTensor> {
  const data = (await t.data()) as Float32Array | Int32Array;
  return { dtype: t.dtype === 'int32' ? 'I32' : 'F32', shape: t.shape, data };
}

/** Adam's state as a checkpoint stores it: the update count and both moments by our variable name. */
export interface AdamMoments {
  readonly iterations: number;
  readonly m: ReadonlyMap<string, Float32Array>;
  readonly v: ReadonlyMap<string, Float32Array>;
}

/** A tfjs Adam's state; the engine names its moments `<tf variable name>/m|v`. */
export async function momentsOfOptimizer(model: SequentialRecModel, optimizer: tf.Optimizer): Promise<AdamMoments> {
  const byTfName = new Map([...model.variables].map(([name, v]) => [v.name, name]));
  const weights = await optimizer.getWeights();
  const moments = { m: new Map<string, Float32Array>(), v: new Map<string, Float32Array>() };
  let iterations = 0;
  for (const w of weights) {
    if (w.name === 'iter') {
      iterations = (await w.tensor.data())[0] ?? 0;
      w.tensor.dispose(); // a fresh scalar; the moments below are the optimizer's own variables
      continue;
    }
    const slash = w.name.lastIndexOf('/');
    const ours = byTfName.get(w.name.slice(0, slash));
    const kind = w.name.slice(slash + 1);
    if (ours !== undefined && (kind === 'm' || kind === 'v')) moments[kind].set(ours, (await w.tensor.data()) as Float32Array);
  }
  return { iterations, ...moments };
}

/** Serialises model variables and Adam's state. */
export async function checkpointBytes(model: SequentialRecModel, adam: AdamMoments, info: CheckpointInfo): Promise<Uint8Array> {
  const tensors = new Map<string, StoredTensor>();
  for (const [name, v] of model.variables) {
    tensors.set(name, await stored(v));
    for (const kind of ['m', 'v'] as const) {
      const data = adam[kind].get(name);
      if (data !== undefined) tensors.set(`optimizer.${kind}.${name}`, { dtype: 'F32', shape: v.shape, data });
    }
  }
  return encodeSafetensors(tensors, {
    format: 'recforge-checkpoint',
    model: model.family,
    epoch: String(info.epoch),
    step: String(info.step),
    adam_iterations: String(adam.iterations),
    config: JSON.stringify(info.config),
    rng: JSON.stringify(info.rng),
  });
}

/** Loads the model variables of a checkpoint into `model` (optimizer state is ignored). */
export function loadCheckpointWeights(model: SequentialRecModel, bytes: Uint8Array): void {
  assignWeights(model, decodeSafetensors(bytes));
}

/**
 * Restores model variables and Adam's state (moments and iteration count) so the next update is
 * the one an uninterrupted run would make. Adam matches moments to variables by position, so they
 * are given in the order of model.variables — the order training passes them to minimize().
 */
export async function restoreCheckpoint(model: SequentialRecModel, optimizer: tf.Optimizer, bytes: Uint8Array): Promise<RestoredCheckpoint> {
  const file = decodeSafetensors(bytes);
  assignWeights(model, file);
  const moment = (kind: 'm' | 'v', name: string, v: tf.Variable): { name: string; tensor: tf.Tensor } => {
    const t = file.tensors.get(`optimizer.${kind}.${name}`);
    if (t === undefined) throw new RecForgeError('validation', `checkpoint has no optimizer state optimizer.${kind}.${name}`);
    return { name: `${v.name}/${kind}`, tensor: tf.tensor(t.data, v.shape, 'float32') };
  };
  const vars = [...model.variables];
  const iterations = Number(file.metadata['adam_iterations'] ?? '0');
  const weights = [
    { name: 'iter', tensor: tf.scalar(iterations, 'int32') },
    ...vars.map(([name, v]) => moment('m', name, v)),
    ...vars.map(([name, v]) => moment('v', name, v)),
  ];
  await optimizer.setWeights(weights);
  // setWeights copies each tensor into a new variable; the inputs are ours to free.
  tf.dispose(weights.map((w) => w.tensor));
  return {
    epoch: Number(file.metadata['epoch']),
    step: Number(file.metadata['step']),
    rng: JSON.parse(file.metadata['rng'] ?? '{}') as Record<string, number>,
  };
}

function assignWeights(model: SequentialRecModel, file: ReturnType<typeof decodeSafetensors>): void {
  for (const [name, v] of model.variables) {
    const t = file.tensors.get(name);
    if (t === undefined) throw new RecForgeError('validation', `checkpoint has no tensor ${name}`);
    if (t.shape.join(',') !== v.shape.join(',')) {
      throw new RecForgeError('validation', `checkpoint tensor ${name} has shape [${t.shape.join(', ')}], model expects [${v.shape.join(', ')}]`);
    }
    tf.tidy(() => v.assign(tf.tensor(t.data, v.shape, v.dtype)));
  }
}
