/**
 * Where each tensor of a HF checkpoint lives: one `model.safetensors`, or shards listed in
 * `model.safetensors.index.json` (`weight_map`: tensor name → shard file). Shards are decoded once
 * and every tensor the index names is checked to be in its shard.
 */
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import type { SafetensorsFile, StoredTensor } from '../../tensor/safetensors';
import { decodeCheckpointTensors, hasCheckpointFile, readCheckpointFile, readJsonFile } from './files';

/** File names HF uses. */
export const SINGLE_FILE = 'model.safetensors';
export const INDEX_FILE = 'model.safetensors.index.json';

const indexSchema = z.object({ weight_map: z.record(z.string(), z.string()) });

/** Reads tensors by name from a single file or a sharded checkpoint. */
export interface TensorSource {
  /** The stored tensor and the file it came from; located import error when absent. */
  get(name: string): Promise<{ tensor: StoredTensor; file: string }>;
}

async function readIndex(dir: string): Promise<Map<string, string>> {
  const parsed = indexSchema.safeParse(await readJsonFile(dir, INDEX_FILE));
  if (!parsed.success) throw new RecForgeError('import', `${INDEX_FILE} has no valid weight_map`, { file: INDEX_FILE, field: 'weight_map', expected: 'an object of tensor name → shard file' });
  return new Map(Object.entries(parsed.data.weight_map));
}

function checkShard(file: string, shard: SafetensorsFile, weightMap: ReadonlyMap<string, string> | null): void {
  if (weightMap === null) return;
  for (const [name, owner] of weightMap) {
    if (owner === file && !shard.tensors.has(name)) {
      throw new RecForgeError('import', `${file} lacks tensor ${name} named in ${INDEX_FILE}`, { file, field: name, expected: `tensor listed in ${INDEX_FILE}` });
    }
  }
}

/** Opens the checkpoint's tensor files lazily (each decoded at most once). */
export async function openTensorSource(dir: string): Promise<TensorSource> {
  const weightMap = (await hasCheckpointFile(dir, INDEX_FILE)) ? await readIndex(dir) : null;
  const shards = new Map<string, SafetensorsFile>();
  const load = async (file: string): Promise<SafetensorsFile> => {
    const cached = shards.get(file);
    if (cached) return cached;
    const shard = decodeCheckpointTensors(await readCheckpointFile(dir, file), file);
    checkShard(file, shard, weightMap);
    shards.set(file, shard);
    return shard;
  };
  return {
    async get(name) {
      const file = weightMap === null ? SINGLE_FILE : weightMap.get(name);
      if (file === undefined) throw new RecForgeError('import', `${INDEX_FILE} does not list tensor ${name}`, { file: INDEX_FILE, field: name, expected: 'an entry in weight_map' });
      const tensor = (await load(file)).tensors.get(name);
      if (tensor === undefined) throw new RecForgeError('import', `${file} has no tensor ${name}`, { file, field: name, expected: 'tensor present' });
      return { tensor, file };
    },
  };
}
