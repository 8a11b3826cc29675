/**
 * The file operations the CPRec and RecCocktail runners need, as an injected port: core/recipes
 * stays free of Node APIs (only core/platform may use them). One implementation serves every side:
 * recipeFilesOver (portRecipeFiles.ts) over a byte FilePort — the local disk (core/platform/
 * recipeFiles.ts) or a window's host file calls. Paths are joined with '/', which Node accepts on
 * every platform.
 */
import type * as tf from '@tensorflow/tfjs';
import type { LmConfig } from '../../models/lm/config';
import type { LoraAdapter } from '../../models/lora/adapter';
import type { HfTokenizerFiles } from '../../text/tokenizer/hfJson';
import type { TextTokenizer } from '../../text/tokenizer/types';

/** A Hugging Face checkpoint folder as loaded (the caller owns the weights). */
export interface LoadedModelFolder {
  readonly config: LmConfig;
  readonly tokenizer: TextTokenizer;
  /** The tokenizer files as read (re-written next to weights a run exports). */
  readonly tokenizerFiles: HfTokenizerFiles;
  readonly weights: Map<string, tf.Tensor>;
}

/** What a runner reads and writes. */
export interface RecipeFiles {
  /** config.json + safetensors + tokenizer.json of a local folder. */
  loadModelFolder(dir: string): Promise<LoadedModelFolder>;
  /** Writes a loadable folder: config.json, model.safetensors (F32), tokenizer files. */
  saveModelFolder(dir: string, config: LmConfig, weights: ReadonlyMap<string, tf.Tensor>, tokenizer: HfTokenizerFiles): Promise<void>;
  /** A PEFT folder (adapter_config.json + adapter_model.safetensors). */
  saveAdapter(dir: string, adapter: LoraAdapter): Promise<void>;
  /** Loads a PEFT folder, checking every tensor's shape against `base`. */
  loadAdapter(dir: string, base: LmConfig): Promise<LoraAdapter>;
  /**
   * One file of named F32 tensors carrying `tag` (a stage checkpoint), written atomically: a crash
   * leaves the previous file or the new one, never half of it.
   */
  saveTensors(file: string, tensors: ReadonlyMap<string, tf.Tensor>, tag: string, note?: string): Promise<void>;
  /** The tensors (the caller owns them) and note of such a file, or null when it is missing, unreadable or carries another tag. */
  loadTensors(file: string, tag: string): Promise<{ tensors: Map<string, tf.Tensor>; note: string } | null>;
  /** Atomic UTF-8 write (folders created). */
  writeText(file: string, text: string): Promise<void>;
  readText(file: string): Promise<string>;
}

/** `base/rel` with exactly one '/' between them. */
export function joinPath(base: string, ...rel: readonly string[]): string {
  return [base.replace(/[\\/]+$/, ''), ...rel.map((r) => r.replace(/^[\\/]+|[\\/]+$/g, ''))].join('/');
}
