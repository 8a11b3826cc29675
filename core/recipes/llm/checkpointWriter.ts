/**
 * Writes a Hugging Face checkpoint folder over any FilePort: model.safetensors, or
 * `model-0000i-of-0000n.safetensors` shards plus model.safetensors.index.json, in F32 or BF16 with
 * `{"format":"pt"}` metadata; generation_config.json when given; config.json last, so a folder
 * with config.json is complete. The LM-pretrain export (Node disk) and recipe runs (disk or a
 * window's host port) share it, so every model folder we write has the same bytes.
 */
import type * as tf from '@tensorflow/tfjs';
import { RecForgeError } from '../../errors';
import { lmConfigToJson, type LmConfig } from '../../models/lm/config';
import { expectedTensorShapes, requireWeight } from '../../models/lm/weights';
import { encodeFloatSafetensors, type FloatTensor, type SaveDtype } from '../../tensor/safetensorsFloat';
import { jsonText, writeTextFile, type FilePort } from './filePort';
import { sameShape, SINGLE_WEIGHTS_FILE, WEIGHTS_INDEX_FILE } from './portTensors';
import { joinPath } from './recipeFiles';

/** How the checkpoint is written. */
export interface HfWriteOptions {
  /** On-disk dtype (default F32). */
  readonly dtype?: SaveDtype;
  readonly generationConfig?: Readonly<Record<string, unknown>>;
  /** Split into shards of at most this many bytes (default: one file). */
  readonly maxShardBytes?: number;
}

export const GENERATION_CONFIG_FILE = 'generation_config.json';

/** The config's tensors in its canonical order, checked against the expected shapes. */
async function collect(config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): Promise<Map<string, FloatTensor>> {
  const out = new Map<string, FloatTensor>();
  for (const [name, shape] of expectedTensorShapes(config)) {
    const t = requireWeight(weights, name);
    if (!sameShape(t.shape, shape)) throw new RecForgeError('validation', `tensor ${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`);
    out.set(name, { shape, data: Float32Array.from(await t.data()) });
  }
  return out;
}

/** Greedy split in tensor order; a tensor larger than the limit gets a shard of its own. */
function planShards(tensors: ReadonlyMap<string, FloatTensor>, bytesPer: number, maxBytes: number): Map<string, FloatTensor>[] {
  const shards: Map<string, FloatTensor>[] = [];
  let current = new Map<string, FloatTensor>();
  let bytes = 0;
  for (const [name, t] of tensors) {
    const size = t.data.length * bytesPer;
    if (current.size > 0 && bytes + size > maxBytes) {
      shards.push(current);
      current = new Map();
      bytes = 0;
    }
    current.set(name, t);
    bytes += size;
  }
  shards.push(current);
  return shards;
}

const shardName = (i: number, n: number): string => `model-${String(i + 1).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.safetensors`;

/**
 * Removes the weights file of the other layout once the new one is written: loaders pick a layout
 * by which file exists (the index first), so a leftover would be read instead of the new weights.
 * A crash before the removal leaves the index winning, i.e. the old or the new weights whole.
 */
async function dropOtherLayout(port: FilePort, dir: string, stale: string): Promise<void> {
  const path = joinPath(dir, stale);
  if ((await port.fileSize(path)) === null) return;
  if (!port.removeFile) throw new RecForgeError('validation', `${stale} from an earlier save is in the folder and cannot be removed here; save into an empty folder`, { file: stale });
  await port.removeFile(path);
}

async function writeWeights(port: FilePort, dir: string, tensors: Map<string, FloatTensor>, dtype: SaveDtype, maxBytes: number): Promise<void> {
  const bytesPer = dtype === 'F32' ? 4 : 2;
  const shards = planShards(tensors, bytesPer, maxBytes);
  if (shards.length === 1) {
    await port.writeBytes(joinPath(dir, SINGLE_WEIGHTS_FILE), encodeFloatSafetensors(tensors, dtype));
    return dropOtherLayout(port, dir, WEIGHTS_INDEX_FILE);
  }
  const weightMap: Record<string, string> = {};
  let total = 0;
  for (const [i, shard] of shards.entries()) {
    const file = shardName(i, shards.length);
    for (const [name, t] of shard) {
      weightMap[name] = file;
      total += t.data.length * bytesPer;
    }
    await port.writeBytes(joinPath(dir, file), encodeFloatSafetensors(shard, dtype));
  }
  await writeTextFile(port, joinPath(dir, WEIGHTS_INDEX_FILE), jsonText({ metadata: { total_size: total }, weight_map: weightMap }));
  await dropOtherLayout(port, dir, SINGLE_WEIGHTS_FILE);
}

/** Writes `weights` (checked against `config`) as a HF checkpoint folder; config.json last. */
export async function writeHfCheckpoint(port: FilePort, dir: string, config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, opts: HfWriteOptions = {}): Promise<void> {
  const dtype = opts.dtype ?? 'F32';
  await writeWeights(port, dir, await collect(config, weights), dtype, opts.maxShardBytes ?? Number.POSITIVE_INFINITY);
  if (opts.generationConfig) await writeTextFile(port, joinPath(dir, GENERATION_CONFIG_FILE), jsonText(opts.generationConfig));
  await writeTextFile(port, joinPath(dir, 'config.json'), jsonText(lmConfigToJson(config, dtype === 'F32' ? 'float32' : 'bfloat16')));
}
