/**
 * Where a recipe's language model comes from. 'scratch': a byte-level BPE tokenizer trained on the
 * workspace's item texts and a tiny randomly initialised decoder (fully offline). 'provided': a
 * real checkpoint loaded from a local folder (config.json + tokenizer + safetensors, through the
 * injected RecipeFiles) — the recipe code is the same, only this value differs.
 */
import * as tf from '@tensorflow/tfjs';
import { parseLmConfig, type LmConfig } from '../../models/lm/config';
import { createBpeTokenizer } from '../../text/tokenizer/bpeTokenizer';
import { trainBpe } from '../../text/tokenizer/bpeTrainer';
import { bpeModelToHfFiles, type HfTokenizerFiles } from '../../text/tokenizer/hfJson';
import type { TextTokenizer } from '../../text/tokenizer/types';
import type { RecipeModelRef } from '../runner';
import type { RecipeFiles } from './recipeFiles';

/** The model a recipe starts from. */
export type RecipeModel =
  | {
      readonly kind: 'scratch';
      readonly vocabSize?: number; // BPE vocabulary incl. 260 specials/bytes (640)
      /** HF config.json fields overriding the tiny defaults (qwen2, hidden 64, 2 layers). */
      readonly config?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'provided';
      readonly config: LmConfig;
      readonly tokenizer: TextTokenizer;
      readonly tokenizerFiles: HfTokenizerFiles;
      /** HF-named decoder weights; the caller keeps ownership (recipes clone what they train). */
      readonly weights: ReadonlyMap<string, tf.Tensor>;
    };

/** A model ready for a recipe: config, tokenizer, and base weights (null = random init). */
export interface ResolvedModel {
  readonly config: LmConfig;
  readonly tokenizer: TextTokenizer;
  readonly weights: ReadonlyMap<string, tf.Tensor> | null;
  /** tokenizer.json / tokenizer_config.json contents, written next to exported weights. */
  readonly tokenizerFiles: HfTokenizerFiles;
}

/** The tiny decoder of from-scratch runs (HF config.json fields). */
export function tinyLmConfigJson(vocabSize: number, eosId: number): Record<string, unknown> {
  return {
    model_type: 'qwen2',
    vocab_size: vocabSize,
    hidden_size: 64,
    intermediate_size: 128,
    num_hidden_layers: 2,
    num_attention_heads: 4,
    num_key_value_heads: 2,
    max_position_embeddings: 512,
    tie_word_embeddings: true,
    eos_token_id: eosId,
  };
}

/** Scratch-model fields of a recipe's settings. */
export interface ScratchModelSettings {
  readonly vocabSize: number;
  readonly hidden: number;
  readonly layers: number;
}

/** The scratch model of recipe settings: 4 heads, 2 KV heads, MLP 2 × hidden. */
export function scratchModelOf(s: ScratchModelSettings): Extract<RecipeModel, { kind: 'scratch' }> {
  return { kind: 'scratch', vocabSize: s.vocabSize, config: { hidden_size: s.hidden, intermediate_size: 2 * s.hidden, num_hidden_layers: s.layers } };
}

/** Resolves the model; `texts` (item texts) train the tokenizer of a scratch model. */
export function resolveModel(model: RecipeModel, texts: Iterable<string>): ResolvedModel {
  if (model.kind === 'provided') return { config: model.config, tokenizer: model.tokenizer, weights: model.weights, tokenizerFiles: model.tokenizerFiles };
  const bpe = trainBpe(texts, { vocabSize: model.vocabSize ?? 640, addBos: false });
  const tokenizer = createBpeTokenizer(bpe);
  const config = parseLmConfig({ ...tinyLmConfigJson(tokenizer.vocabSize, tokenizer.eosId), ...model.config });
  return { config, tokenizer, weights: null, tokenizerFiles: bpeModelToHfFiles(bpe) };
}

/** A run's model reference as a RecipeModel: a folder is loaded (the caller disposes its weights). */
export async function loadRecipeModel(ref: RecipeModelRef, files: RecipeFiles, scratch: ScratchModelSettings): Promise<RecipeModel> {
  if (ref.kind === 'scratch') return scratchModelOf(scratch);
  const folder = await files.loadModelFolder(ref.path);
  return { kind: 'provided', ...folder };
}

/** Frees the weights of a loaded folder model (no-op for scratch). */
export function disposeRecipeModel(model: RecipeModel): void {
  if (model.kind === 'provided') tf.dispose([...model.weights.values()]);
}
