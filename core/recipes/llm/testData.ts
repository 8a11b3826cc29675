/** Small demo-derived corpora and model folders for the tests of cprec/ and reccocktail/ (kept out of *.test.ts). */
import { generateDemoDataset } from '../../data/demo/generate';
import type { DomainSource } from '../../data/multidomain/corpus';
import { sourcesFromPrepared } from '../../data/multidomain/fromPrepared';
import { prepareDataset } from '../../data/preprocess/prepare';
import { parseLmConfig } from '../../models/lm/config';
import { initLmWeights } from '../../models/lm/weights';
import { trainBpe } from '../../text/tokenizer/bpeTrainer';
import { bpeModelToHfFiles } from '../../text/tokenizer/hfJson';
import { tinyLmConfigJson } from './modelSource';
import type { RecipeSource } from '../runner';
import type { RecipeFiles } from './recipeFiles';

/** The 3-domain demo (books, games, movies) with `users` users. */
export function demoSources(users: number): DomainSource[] {
  return sourcesFromPrepared(prepareDataset(generateDemoDataset({ users }), { minInteractions: 1 }));
}

/** The demo as the host hands it to a runner: item text = the title (the CPRec domain-free template). */
export function demoRecipeSources(users: number): RecipeSource[] {
  return demoSources(users).map((d) => ({ ...d, items: d.items.map((it) => ({ rawId: it.rawId, title: it.title, genres: it.genres, text: it.title ?? it.rawId })) }));
}

/** A scratch model small enough for unit tests. */
export const TEST_SCRATCH = { kind: 'scratch', vocabSize: 300, config: { hidden_size: 32, intermediate_size: 48, num_hidden_layers: 1 } } as const;

/** Writes a tiny Qwen2 folder as transformers saves one (config.json, model.safetensors, tokenizer files). */
export async function writeTinyHfFolder(files: Pick<RecipeFiles, 'saveModelFolder'>, dir: string, texts: readonly string[]): Promise<void> {
  const bpe = trainBpe(texts, { vocabSize: 300, addBos: false });
  const config = parseLmConfig({ ...tinyLmConfigJson(bpe.vocab.length, 1), hidden_size: 32, intermediate_size: 48, num_hidden_layers: 1 });
  const weights = initLmWeights(config, 5);
  try {
    await files.saveModelFolder(dir, config, weights, bpeModelToHfFiles(bpe));
  } finally {
    weights.forEach((t) => t.dispose());
  }
}
