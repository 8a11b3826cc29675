/**
 * The Node binding of RecipeFiles (core/recipes/llm/recipeFiles.ts): Hugging Face model folders,
 * PEFT adapter folders and atomic text files on the local disk, for the CPRec and RecCocktail
 * runners in the worker, the CLI, benches and tests.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecipeFiles } from '../recipes/llm/recipeFiles';
import { writeFileAtomic } from './atomicWrite';
import { loadLoraAdapter, saveLoraAdapter } from './hf/adapter';
import { loadHfCheckpoint, saveHfCheckpoint } from './hf/checkpoint';
import { readTokenizerFiles, saveTokenizerFolder } from './hf/tokenizerFolder';
import { createHfTokenizer } from '../text/tokenizer/hfTokenizer';

export const nodeRecipeFiles: RecipeFiles = {
  async loadModelFolder(dir) {
    // Tokenizer first: it is the file most often missing from a user's folder, and it is cheap.
    const tokenizerFiles = await readTokenizerFiles(dir);
    const tokenizer = createHfTokenizer(tokenizerFiles);
    return { ...(await loadHfCheckpoint(dir)), tokenizer, tokenizerFiles };
  },
  async saveModelFolder(dir, config, weights, tokenizer) {
    await saveTokenizerFolder(dir, tokenizer);
    await saveHfCheckpoint(dir, config, weights);
  },
  saveAdapter: saveLoraAdapter,
  loadAdapter: loadLoraAdapter,
  async writeText(file, text) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  },
  readText: (file) => readFile(file, 'utf8'),
};
