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
}

async function stored(t: tf.Tensor): Promise<StoredTensor> {
  const data = (await t.data()) as Float32Array | Int32Array;
  return { dtype: t.dtype === 'int32' ? 'I32' : 'F32', shape: t.shape, data };
}

/** Adam moments keyed by our variable names; the engine names them `<tf variable name>/m|v`. */
async function optimizerTensors(model: SequentialRecModel, optimizer: tf.Optimizer): Promise<{ tensors: Map<string, StoredTensor>; iterations: number }> {
  const byTfName = new Map([...model.variables].map(([name, v]) => [v.name, name]));
  const weights = await optimizer.getWeights();
  const tensors = new Map<string, StoredTensor>();
  let iterations = 0;
  for (const w of weights) {
    if (w.name === 'iter') {
      iterations = (await w.tensor.data())[0] ?? 0;
      w.tensor.dispose(); // a fresh scalar; the moments below are the optimizer's own variables
      continue;
    }
    const slash = w.name.lastIndexOf('/');
    const ours = byTfName.get(w.name.slice(0, slash));
    if (ours !== undefined) tensors.set(`optimizer.${w.name.slice(slash + 1)}.${ours}`, await stored(w.tensor));
  }
  return { tensors, iterations };
}

/** Serialises model variables and optimizer state. */
export async function checkpointBytes(model: SequentialRecModel, optimizer: tf.Optimizer, info: CheckpointInfo): Promise<Uint8Array> {
  const tensors = new Map<string, StoredTensor>();
  for (const [name, v] of model.variables) tensors.set(name, await stored(v));
  const opt = await optimizerTensors(model, optimizer);
  for (const [name, t] of opt.tensors) tensors.set(name, t);
  return encodeSafetensors(tensors, {
    format: 'recforge-checkpoint',
    model: model.family,
    epoch: String(info.epoch),
    step: String(info.step),
    adam_iterations: String(opt.iterations),
    config: JSON.stringify(info.config),
  });
}

/** Loads the model variables of a checkpoint into `model` (optimizer state is ignored). */
export function loadCheckpointWeights(model: SequentialRecModel, bytes: Uint8Array): void {
  const file = decodeSafetensors(bytes);
  for (const [name, v] of model.variables) {
    const t = file.tensors.get(name);
    if (t === undefined) throw new RecForgeError('validation', `checkpoint has no tensor ${name}`);
    if (t.shape.join(',') !== v.shape.join(',')) {
      throw new RecForgeError('validation', `checkpoint tensor ${name} has shape [${t.shape.join(', ')}], model expects [${v.shape.join(', ')}]`);
    }
    tf.tidy(() => v.assign(tf.tensor(t.data, v.shape, v.dtype)));
  }
}
