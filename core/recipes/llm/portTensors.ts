/**
 * safetensors files over a FilePort: decode with errors naming the file, encode float32 tensors as
 * F32 with `{"format":"pt"}` metadata (what PEFT and transformers write), and the tensors of a HF
 * checkpoint folder — one model.safetensors or shards listed in model.safetensors.index.json.
 */
import type * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import { decodeSafetensors, encodeSafetensors, type SafetensorsFile, type StoredTensor } from '../../tensor/safetensors';
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

/** Encodes tfjs tensors (map order) as an F32 safetensors file. */
export async function encodeF32Tensors(tensors: ReadonlyMap<string, tf.Tensor>): Promise<Uint8Array> {
  const stored = new Map<string, StoredTensor>();
  for (const [name, t] of tensors) stored.set(name, { dtype: 'F32', shape: t.shape, data: Float32Array.from(await t.data()) });
  return encodeSafetensors(stored, { format: 'pt' });
}

/** Which file holds each tensor: null for a single model.safetensors. */
async function readWeightMap(port: FilePort, dir: string): Promise<Map<string, string> | null> {
  const path = joinPath(dir, WEIGHTS_INDEX_FILE);
  if ((await port.fileSize(path)) === null) return null;
  const parsed = indexSchema.safeParse(await readJsonObjectFile(port, path));
  if (!parsed.success) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} has no valid weight_map`, { file: WEIGHTS_INDEX_FILE, field: 'weight_map', expected: 'an object of tensor name → shard file' });
  return new Map(Object.entries(parsed.data.weight_map));
}

/** Looks tensors up by name in a folder's single file or its shards (each shard decoded once). */
export async function openFolderTensors(port: FilePort, dir: string): Promise<(name: string) => Promise<{ tensor: StoredTensor; file: string }>> {
  const weightMap = await readWeightMap(port, dir);
  const files = new Map<string, SafetensorsFile>();
  return async (name) => {
    const file = weightMap === null ? SINGLE_WEIGHTS_FILE : weightMap.get(name);
    if (file === undefined) throw new RecForgeError('import', `${WEIGHTS_INDEX_FILE} does not list tensor ${name}`, { file: WEIGHTS_INDEX_FILE, field: name, expected: 'an entry in weight_map' });
    const decoded = files.get(file) ?? (await readSafetensors(port, joinPath(dir, file)));
    files.set(file, decoded);
    const tensor = decoded.tensors.get(name);
    if (tensor === undefined) throw new RecForgeError('import', `${file} has no tensor ${name}`, { file, field: name, expected: 'tensor present' });
    return { tensor, file };
  };
}
