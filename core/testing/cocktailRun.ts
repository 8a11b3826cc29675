/**
 * A finished RecCocktail run folder small enough for playground tests: a tiny decoder, two random
 * LoRA adapters and a playground state with a handful of hand-made cases, written through any
 * RecipeFiles (an in-memory one keeps the tests off the disk and takes milliseconds, where a real
 * run takes tens of seconds).
 */
import * as tf from '@tensorflow/tfjs';
import { parseLmConfig, type LmConfig } from '../models/lm/config';
import { initLmWeights } from '../models/lm/weights';
import { initLoraAdapter, disposeLoraAdapter } from '../models/lora/adapter';
import { defaultLoraConfig } from '../models/lora/config';
import { tinyLmConfigJson } from '../recipes/llm/modelSource';
import { joinPath, type RecipeFiles } from '../recipes/llm/recipeFiles';
import type { RankCase } from '../recipes/llm/rankEval';
import { trainBpe } from '../text/tokenizer/bpeTrainer';
import { bpeModelToHfFiles } from '../text/tokenizer/hfJson';
import { COCKTAIL_PATHS, saveCocktailState } from '../recipes/reccocktail/runState';
import type { RankProtocol } from '../recipes/llm/metricRecords';

/** What to vary between fixture runs. */
export interface TinyCocktailRunOptions {
  /** Decoder layers (the length a per-layer λ must have). */
  readonly layers?: number;
  readonly seed?: number;
  /** How the run searched its entropy λ (default the grid alone; 'gradient': 2 Adam steps from the grid minimum). */
  readonly lambdaSearch?: 'grid' | 'gradient';
}

const TEXTS = ['the red book', 'a blue game', 'the green movie', 'a red game', 'the blue book'];

function tinyConfig(vocabSize: number, layers: number): LmConfig {
  return parseLmConfig({ ...tinyLmConfigJson(vocabSize, 1), hidden_size: 16, intermediate_size: 24, num_hidden_layers: layers, num_attention_heads: 2, num_key_value_heads: 1, max_position_embeddings: 64 });
}

/** A base-spirit or ingredient adapter whose B is non-zero, so λ changes the scores. */
async function saveRandomAdapter(files: RecipeFiles, dir: string, lm: LmConfig, seed: number): Promise<void> {
  const adapter = initLoraAdapter(lm, defaultLoraConfig({ r: 2, lora_alpha: 4, target_modules: ['q_proj', 'v_proj'] }), seed);
  for (const [name, t] of adapter.tensors) {
    if (!name.endsWith('lora_B.weight')) continue;
    adapter.tensors.set(name, tf.randomNormal(t.shape, 0, 0.5, 'float32', seed));
    t.dispose();
  }
  try {
    await files.saveAdapter(dir, adapter);
  } finally {
    disposeLoraAdapter(adapter);
  }
}

/** Three cases of 1 + 2 candidates over token ids below 20. */
function cases(offset: number): RankCase[] {
  return [0, 1, 2].map((i) => ({ prompt: [2 + i + offset, 3, 4 + i], candidates: [[5 + i], [6, 7 + offset], [8 + i, 9]], targetIndex: i % 3 }));
}

const protocol = (split: 'leave-one-out' | 'cold-item', target: 'valid' | 'test', segment: 'warm' | 'cold'): RankProtocol => ({ excludeHistory: true, domain: 'movies', negatives: 2, seed: 1, split, target, segment });

/** Writes the run under `runDir` (base model kept inside the run, as a scratch run does). */
export async function writeTinyCocktailRun(files: RecipeFiles, runDir: string, o: TinyCocktailRunOptions = {}): Promise<void> {
  const bpe = trainBpe(TEXTS, { vocabSize: 260, addBos: false });
  const lm = tinyConfig(bpe.vocab.length, o.layers ?? 2);
  const weights = initLmWeights(lm, o.seed ?? 3);
  try {
    await files.saveModelFolder(joinPath(runDir, COCKTAIL_PATHS.baseModel), lm, weights, bpeModelToHfFiles(bpe));
  } finally {
    weights.forEach((t) => t.dispose());
  }
  await saveRandomAdapter(files, joinPath(runDir, COCKTAIL_PATHS.baseSpirit), lm, (o.seed ?? 3) + 1);
  await saveRandomAdapter(files, joinPath(runDir, COCKTAIL_PATHS.ingredient), lm, (o.seed ?? 3) + 2);
  await saveCocktailState(files, runDir, {
    version: 2,
    baseModel: { kind: 'run', path: COCKTAIL_PATHS.baseModel },
    options: { mergeMode: 'exact', entropyObjective: 'first-tokens', firstTokens: 2, lambdaSearch: o.lambdaSearch ?? 'grid', lambdaSteps: 2 },
    lambdaStep: 0.5,
    chosen: { grid: 0.5, entropy: { warm: 0.5, cold: 0.5 } },
    protocols: { valid: protocol('leave-one-out', 'valid', 'warm'), warm: protocol('leave-one-out', 'test', 'warm'), cold: protocol('cold-item', 'test', 'cold'), coldValid: protocol('cold-item', 'valid', 'cold') },
    sets: { valid: cases(0), warm: cases(1), cold: cases(2), entropy: { warm: cases(3), cold: cases(4) } },
  });
}
