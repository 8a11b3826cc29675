/**
 * safetensors files over a FilePort: decode with errors naming the file, encode float32 tensors as
 * F32 with `{"format":"pt"}` metadata (what PEFT and transformers write), and the tensors of a HF
 * checkpoint folder — one model.safetensors or shards listed in model.safetensors.index.json —
 * for every side that loads checkpoints (the Node host's HF folders, recipe runs on either side).
 */
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import type { LmConfig } from '../../models/lm/config';
import { expectedTensorShapes } from '../../models/lm/weights';
import { decodeSafetensors, type SafetensorsFile, type StoredTensor } from '../../tensor/safetensors';
import { encodeFloatSafetensors, type FloatTensor } from '../../tensor/safetensorsFloat';
import { joinPath } from './recipeFiles';
import { baseName, readJsonObjectFile, readWholeFile, type FilePort } from './filePort';

export const SINGLE_WEIGHTS_FILE = 'model.safetensors';
export const WEIGHTS_INDEX_FILE = 'model.safetensors.index.json';

const indexSchema = z.object({ weight_map: z.record(z.string(), z.string()) });

/** Reads and decodes a safetensors file; malformed bytes become an import error naming it. */
export async function readSafetensors(port: FilePort, path: string): Promise<SafetensorsFile> {
  const bytes = await readWholeFile(port, path);
  try {
    return decodeSafetensors(bytes);
  } catch (err) {
    const why = err instanceof RecForgeError ? err.detail : String(err);
    throw new RecForgeError('import', `${baseName(path)}: ${why}`, { file: baseName(path), expected: 'a valid safetensors file' });
  }
}

/** Encodes tfjs tensors (map order) as an F32 safetensors file (the checkpoint writer's encoder). */
export async function encodeF32Tensors(tensors: ReadonlyMap<string, tf.Tensor>): Promise<Uint8Array> {
  const floats = new Map<string, FloatTensor>();
  for (const [name, t] of tensors) floats.set(name, { shape: t.shape, data: Float32Array.from(await t.data()) });
  return encodeFloatSafetensors(floats, 'F32');
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
function checkShard(file: string, shard: SafetensorsFile, weightMap: ReadonlyMap<string, string> | null): void {
  if (weightMap === null) return;
  for (const [name, owner] of weightMap) {
    if (owner === file && !shard.tensors.has(name)) {
      throw new RecForgeError('import', `${file} lacks tensor ${name} named in ${WEIGHTS_INDEX_FILE}`, { file, field: name, expected: `tensor listed in ${WEIGHTS_INDEX_FILE}` });
    }
  }
}

/** Looks tensors up by name in a folder's single file or its shards (each shard decoded and checked once). */
export async function openFolderTensors(port: FilePort, dir: string): Promise<(name: string) => Promise<{ tensor: StoredTensor; file: string }>> {
  const weightMap = await readWeightMap(port, dir);
  const files = new Map<string, SafetensorsFile>();
  return async (name) => {
    const file = weightMap === null ? SINGLE_WEIGHTS_FILE : weightMap.get(name);
    if (file === undefined) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} does not list tensor ${name}`, { file: WEIGHTS_INDEX_FILE, field: name, expected: 'an entry in weight_map' });
    let decoded = files.get(file);
    if (decoded === undefined) {
      decoded = await readSafetensors(port, joinPath(dir, file));
      checkShard(file, decoded, weightMap);
    }
    files.set(file, decoded);
    const tensor = decoded.tensors.get(name);
    if (tensor === undefined) throw new RecForgeError('import', `${file} has no tensor ${name}`, { file, field: name, expected: 'tensor present' });
    return { tensor, file };
  };
}

export const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Every tensor config.json implies, shape-checked, as float32 tfjs tensors (the caller owns them). */
export async function readCheckpointWeights(port: FilePort, dir: string, config: LmConfig): Promise<Map<string, tf.Tensor>> {
  const tensorNamed = await openFolderTensors(port, dir);
  const weights = new Map<string, tf.Tensor>();
  try {
    for (const [name, shape] of expectedTensorShapes(config)) {
      const { tensor, file } = await tensorNamed(name);
      if (!(tensor.data instanceof Float32Array)) throw new RecForgeError('import', `${file}: tensor ${name} is not floating point`, { file, field: name, expected: 'F32, F16 or BF16' });
      if (!sameShape(tensor.shape, shape)) {
        throw new RecForgeError('import', `${file}: tensor ${name} has shape [${tensor.shape.join(', ')}], config.json implies [${shape.join(', ')}]`, { file, field: name, expected: `shape [${shape.join(', ')}]` });
      }
      weights.set(name, tf.tensor(tensor.data, shape, 'float32'));
    }
  } catch (err) {
    for (const t of weights.values()) t.dispose();
    throw err;
  }
  return weights;
}
