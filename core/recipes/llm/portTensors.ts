/**
 * safetensors files over a FilePort: encode float32 tensors as F32 with `{"format":"pt"}` metadata (what PEFT and transformers write), and the tensors of a HF
 * checkpoint folder — one model.safetensors or shards listed in model.safetensors.index.json —
 * for every side that loads checkpoints (the Node host's HF folders, recipe runs on either side).
 */
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { expectedTensorShapes } from '../../models/lm/weights';
import type { SafetensorsEntry, StoredTensor } from '../../tensor/safetensors';
import { encodeFloatSafetensors, type FloatTensor } from '../../tensor/safetensorsFloat';
import { joinPath } from './recipeFiles';
import { readJsonObjectFile, type FilePort } from './filePort';
import { openSafetensors, type PortSafetensors } from './portSafetensors';

export const SINGLE_WEIGHTS_FILE = 'model.safetensors';
export const WEIGHTS_INDEX_FILE = 'model.safetensors.index.json';

const indexSchema = z.object({ weight_map: z.record(z.string(), z.string()) });

/** Encodes tfjs tensors (map order) as an F32 safetensors file (the checkpoint writer's encoder). */
export async function encodeF32Tensors(tensors: ReadonlyMap<string, tf.Tensor>, metadata: Readonly<Record<string, string>> = { format: 'pt' }): Promise<Uint8Array> {
  const floats = new Map<string, FloatTensor>();
  for (const [name, t] of tensors) floats.set(name, { shape: t.shape, data: Float32Array.from(await t.data()) });
  return encodeFloatSafetensors(floats, 'F32', metadata);
}

/** Which file holds each tensor: null for a single model.safetensors. */
async function readWeightMap(port: FilePort, dir: string): Promise<Map<string, string> | null> {
  const path = joinPath(dir, WEIGHTS_INDEX_FILE);
  if ((await port.fileSize(path)) === null) return null;
  const parsed = indexSchema.safeParse(await readJsonObjectFile(port, path));
  if (!parsed.success) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} has no valid weight_map`, { file: WEIGHTS_INDEX_FILE, field: 'weight_map', expected: 'an object of tensor name → shard file' });
  return new Map(Object.entries(parsed.data.weight_map));
}

/** Every tensor the index places in `file` must be in it (a shard that lost tensors is corrupt). */
function checkShard(file: string, shard: PortSafetensors, weightMap: ReadonlyMap<string, string> | null): void {
  if (weightMap === null) return;
  for (const [name, owner] of weightMap) {
    if (owner === file && !shard.entries.has(name)) {
      throw new RecForgeError('import', `${file} lacks tensor ${name} named in ${WEIGHTS_INDEX_FILE}`, { file, field: name, expected: `tensor listed in ${WEIGHTS_INDEX_FILE}` });
    }
  }
}

/** Where a tensor is: its file, its header entry, and a reader of its bytes alone. */
export interface FolderTensor {
  readonly file: string;
  readonly entry: SafetensorsEntry;
  read(): Promise<StoredTensor>;
}

/**
 * Looks tensors up by name in a folder's single file or its shards. Each file's header is read and
 * checked once; tensor data is read only when `read()` is called, one tensor's byte range at a time.
 */
export async function openFolderTensors(port: FilePort, dir: string): Promise<(name: string) => Promise<FolderTensor>> {
  const weightMap = await readWeightMap(port, dir);
  const files = new Map<string, PortSafetensors>();
  return async (name) => {
    const file = weightMap === null ? SINGLE_WEIGHTS_FILE : weightMap.get(name);
    if (file === undefined) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} does not list tensor ${name}`, { file: WEIGHTS_INDEX_FILE, field: name, expected: 'an entry in weight_map' });
    let shard = files.get(file);
    if (shard === undefined) {
      shard = await openSafetensors(port, joinPath(dir, file));
      checkShard(file, shard, weightMap);
      files.set(file, shard);
    }
    const entry = shard.entries.get(name);
    if (entry === undefined) throw new RecForgeError('import', `${file} has no tensor ${name}`, { file, field: name, expected: 'tensor present' });
    const opened = shard;
    return { file, entry, read: () => opened.readTensor(name) };
  };
}

export const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

const FLOAT_DTYPES: ReadonlySet<string> = new Set(['F32', 'F16', 'BF16', 'F64']);

/**
 * Every tensor config.json implies, shape-checked, as float32 tfjs tensors (the caller owns them).
 * Tensors are read and decoded one at a time, each from its own byte range; other tensors in the
 * files (rotary inv_freq buffers, a tied lm_head) are never read.
 */
export async function readCheckpointWeights(port: FilePort, dir: string, config: LmConfig): Promise<Map<string, tf.Tensor>> {
  const tensorNamed = await openFolderTensors(port, dir);
  const weights = new Map<string, tf.Tensor>();
  try {
    for (const [name, shape] of expectedTensorShapes(config)) {
      const { file, entry, read } = await tensorNamed(name);
      if (!FLOAT_DTYPES.has(entry.dtype)) throw new RecForgeError('import', `${file}: tensor ${name} is not floating point`, { file, field: name, expected: 'F32, F16 or BF16' });
      if (!sameShape(entry.shape, shape)) {
        throw new RecForgeError('import', `${file}: tensor ${name} has shape [${entry.shape.join(', ')}], config.json implies [${shape.join(', ')}]`, { file, field: name, expected: `shape [${shape.join(', ')}]` });
      }
      weights.set(name, tf.tensor((await read()).data, shape, 'float32'));
    }
  } catch (err) {
    for (const t of weights.values()) t.dispose();
    throw err;
  }
  return weights;
}
