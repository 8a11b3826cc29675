/**
 * The Node binding of RecipeFiles (core/recipes/llm/recipeFiles.ts): the one byte-port
 * implementation (recipeFilesOver) over the local disk — Hugging Face model folders, PEFT adapter
 * folders and atomic text files for the CPRec and RecCocktail runners in the worker, the CLI,
 * benches and tests. A window's WebGPU worker runs the same implementation over host file calls.
 */
import type { RecipeFiles } from '../recipes/llm/recipeFiles';
import { recipeFilesOver } from '../recipes/llm/portRecipeFiles';
import { nodeFilePort } from './nodeFilePort';

export const nodeRecipeFiles: RecipeFiles = recipeFilesOver(nodeFilePort);
