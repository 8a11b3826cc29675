/**
 * Builds tiny HF model folders for the inspection tests with the real writers (saveHfCheckpoint,
 * saveTokenizerFolder), so the tests exercise exactly the files the engine produces.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLmConfig } from '../../models/lm/config';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { bpeModelToHfFiles } from '../../text/tokenizer/hfJson';
import { trainBpe } from '../../text/tokenizer/bpeTrainer';
import { titleCorpus } from '../../text/tokenizer/testCorpus';
import { saveHfCheckpoint } from './checkpoint';
import type { HfWriteOptions } from '../../recipes/llm/checkpointWriter';
import { saveTokenizerFolder } from './tokenizerFolder';

/** LLaMA layout, untied, ≈ 5.8k parameters (≈ 23 KB in F32). */
export const TINY_LLAMA = { model_type: 'llama', vocab_size: 300, hidden_size: 16, intermediate_size: 24, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, rope_theta: 500000, max_position_embeddings: 128 };
/** Qwen2 layout, tied embeddings, q/k/v biases. */
export const TINY_QWEN2 = { model_type: 'qwen2', vocab_size: 290, hidden_size: 16, intermediate_size: 32, num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, tie_word_embeddings: true, max_position_embeddings: 64 };

/** Saves a model built from `configJson` into `dir`; optionally a tokenizer trained on a few titles. */
export async function writeTinyModel(dir: string, configJson: object, opts: HfWriteOptions & { tokenizerVocab?: number } = {}): Promise<void> {
  const config = parseLmConfig(configJson);
  const weights = initLmWeights(config, 3);
  await saveHfCheckpoint(dir, config, weights, opts);
  disposeWeights(weights);
  if (opts.tokenizerVocab !== undefined) {
    await saveTokenizerFolder(dir, bpeModelToHfFiles(trainBpe(titleCorpus(500), { vocabSize: opts.tokenizerVocab })));
  }
}

/** Rewrites the JSON file `name` of `dir` through `edit`. */
export async function editJson(dir: string, name: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(path.join(dir, name), JSON.stringify(json, null, 2));
}

/** Shard file names of a sharded folder, sorted. */
export async function shardFiles(dir: string): Promise<string[]> {
  const index = JSON.parse(await readFile(path.join(dir, 'model.safetensors.index.json'), 'utf8')) as { weight_map: Record<string, string> };
  return [...new Set(Object.values(index.weight_map))].sort();
}
