/**
 * Local Hugging Face checkpoint folders of LLaMA / Qwen2 / Mistral decoders: config.json,
 * generation_config.json (optional) and model.safetensors or shards + index. F32/F16/BF16 load as
 * float32; saving writes F32 or BF16 with `{"format":"pt"}` metadata, every file atomically.
 */
import type * as tf from '@tensorflow/tfjs';
import path from 'node:path';
import { parseLmConfig } from '../../models/lm/config';
import type { LmConfig } from '../../models/lm/config';
import type { LmWeights } from '../../models/lm/weights';
import { GENERATION_CONFIG_FILE, writeHfCheckpoint, type HfWriteOptions } from '../../recipes/llm/checkpointWriter';
import { readJsonObjectFile } from '../../recipes/llm/filePort';
import { readCheckpointWeights } from '../../recipes/llm/portTensors';
import { nodeFilePort } from '../nodeFilePort';

/** A loaded checkpoint. `weights` belongs to the caller (disposeWeights). */
export interface HfCheckpoint {
  readonly config: LmConfig;
  /** config.json as read (extra fields kept). */
  readonly rawConfig: Readonly<Record<string, unknown>>;
  readonly generationConfig?: Readonly<Record<string, unknown>>;
  readonly weights: LmWeights;
}

/**
 * Loads a local HF checkpoint folder. Throws RecForgeError('import') located at the offending file
 * (missing, corrupt, truncated, tensor missing from a shard, shape not matching config.json).
 * @example const { config, weights } = await loadHfCheckpoint('/models/Qwen2-0.5B');
 */
export async function loadHfCheckpoint(dir: string): Promise<HfCheckpoint> {
  const rawConfig = await readJsonObjectFile(nodeFilePort, path.join(dir, 'config.json'));
  const config = parseLmConfig(rawConfig);
  const generationPath = path.join(dir, GENERATION_CONFIG_FILE);
  const generationConfig = (await nodeFilePort.fileSize(generationPath)) === null ? undefined : await readJsonObjectFile(nodeFilePort, generationPath);
  const weights: LmWeights = await readCheckpointWeights(nodeFilePort, dir, config);
  return { config, rawConfig, weights, ...(generationConfig ? { generationConfig } : {}) };
}

/**
 * Writes `weights` as a HF checkpoint folder on disk (created if needed): the port writer every
 * model folder goes through, over the local disk.
 */
export function saveHfCheckpoint(dir: string, config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, opts: HfWriteOptions = {}): Promise<void> {
  return writeHfCheckpoint(nodeFilePort, dir, config, weights, opts);
}
