/**
 * Local Hugging Face checkpoint folders of LLaMA / Qwen2 / Mistral decoders: config.json,
 * generation_config.json (optional) and model.safetensors or shards + index. F32/F16/BF16 load as
 * float32; saving writes F32 or BF16 with `{"format":"pt"}` metadata, every file atomically.
 */
import type * as tf from '@tensorflow/tfjs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { lmConfigToJson, parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import { expectedTensorShapes, requireWeight } from '../../models/lm/weights';
import type { LmWeights } from '../../models/lm/weights';
import { writeFileAtomic } from '../atomicWrite';
import { encodeFloatSafetensors } from './safetensorsEncode';
import type { FloatTensor, SaveDtype } from './safetensorsEncode';
import { readJsonObjectFile } from '../../recipes/llm/filePort';
import { readCheckpointWeights, sameShape, SINGLE_WEIGHTS_FILE, WEIGHTS_INDEX_FILE } from '../../recipes/llm/portTensors';
import { nodeFilePort } from '../nodeFilePort';

/** A loaded checkpoint. `weights` belongs to the caller (disposeWeights). */
export interface HfCheckpoint {
  readonly config: LmConfig;
  /** config.json as read (extra fields kept). */
  readonly rawConfig: Readonly<Record<string, unknown>>;
  readonly generationConfig?: Readonly<Record<string, unknown>>;
  readonly weights: LmWeights;
}

const GENERATION_FILE = 'generation_config.json';

/**
 * Loads a local HF checkpoint folder. Throws RecForgeError('import') located at the offending file
 * (missing, corrupt, truncated, tensor missing from a shard, shape not matching config.json).
 * @example const { config, weights } = await loadHfCheckpoint('/models/Qwen2-0.5B');
 */
export async function loadHfCheckpoint(dir: string): Promise<HfCheckpoint> {
  const rawConfig = await readJsonObjectFile(nodeFilePort, path.join(dir, 'config.json'));
  const config = parseLmConfig(rawConfig);
  const generationPath = path.join(dir, GENERATION_FILE);
  const generationConfig = (await nodeFilePort.fileSize(generationPath)) === null ? undefined : await readJsonObjectFile(nodeFilePort, generationPath);
  const weights: LmWeights = await readCheckpointWeights(nodeFilePort, dir, config);
  return { config, rawConfig, weights, ...(generationConfig ? { generationConfig } : {}) };
}

/** Options of saveHfCheckpoint. */
export interface SaveHfOptions {
  /** On-disk dtype (default F32). */
  readonly dtype?: SaveDtype;
  readonly generationConfig?: Readonly<Record<string, unknown>>;
  /** Split into `model-0000i-of-0000n.safetensors` shards of at most this many bytes (default: one file). */
  readonly maxShardBytes?: number;
}

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

async function collect(config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>): Promise<Map<string, FloatTensor>> {
  const out = new Map<string, FloatTensor>();
  for (const [name, shape] of expectedTensorShapes(config)) {
    const t = requireWeight(weights, name);
    if (!sameShape(t.shape, shape)) throw new RecForgeError('validation', `tensor ${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`);
    out.set(name, { shape, data: Float32Array.from(await t.data()) });
  }
  return out;
}

const shardName = (i: number, n: number): string => `model-${String(i + 1).padStart(5, '0')}-of-${String(n).padStart(5, '0')}.safetensors`;

async function writeShards(dir: string, tensors: Map<string, FloatTensor>, dtype: SaveDtype, maxBytes: number): Promise<void> {
  const bytesPer = dtype === 'F32' ? 4 : 2;
  const shards = planShards(tensors, bytesPer, maxBytes);
  if (shards.length === 1) {
    await writeFileAtomic(path.join(dir, SINGLE_WEIGHTS_FILE), encodeFloatSafetensors(tensors, dtype));
    return rm(path.join(dir, WEIGHTS_INDEX_FILE), { force: true }); // a stale index would win on load
  }
  const weightMap: Record<string, string> = {};
  let total = 0;
  for (const [i, shard] of shards.entries()) {
    const file = shardName(i, shards.length);
    for (const [name, t] of shard) {
      weightMap[name] = file;
      total += t.data.length * bytesPer;
    }
    await writeFileAtomic(path.join(dir, file), encodeFloatSafetensors(shard, dtype));
  }
  await writeFileAtomic(path.join(dir, WEIGHTS_INDEX_FILE), `${JSON.stringify({ metadata: { total_size: total }, weight_map: weightMap }, null, 2)}\n`);
}

/** Writes `weights` as a HF checkpoint folder (created if needed); tensor files first, config.json last. */
export async function saveHfCheckpoint(dir: string, config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, opts: SaveHfOptions = {}): Promise<void> {
  const dtype = opts.dtype ?? 'F32';
  const tensors = await collect(config, weights);
  await mkdir(dir, { recursive: true });
  await writeShards(dir, tensors, dtype, opts.maxShardBytes ?? Number.POSITIVE_INFINITY);
  if (opts.generationConfig) await writeFileAtomic(path.join(dir, GENERATION_FILE), `${JSON.stringify(opts.generationConfig, null, 2)}\n`);
  const json = lmConfigToJson(config, dtype === 'F32' ? 'float32' : 'bfloat16');
  await writeFileAtomic(path.join(dir, 'config.json'), `${JSON.stringify(json, null, 2)}\n`);
}
