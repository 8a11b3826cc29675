/** The recipes the worker can run, by the `model` id of their run requests. */
import type { RecipeRunModel } from '../../core/protocol/runSchemas';
import { lmPretrainRunner } from '../../core/platform/lmPretrain/runner';
import { recbaseRunner } from '../../core/platform/recbase/runner';
import { nodeRecipeFiles } from '../../core/platform/recipeFiles';
import { createCprecRunner } from '../../core/recipes/cprec/runner';
import { createPadRunner } from '../../core/recipes/pad/runner';
import { createRecCocktailRunner } from '../../core/recipes/reccocktail/runner';
import { createRellaxRunner } from '../../core/recipes/rellax/runner';
import type { RecipeRunner } from '../../core/recipes/runner';

// Each runner's settings type differs; the host validated them with the same schema.
export const RECIPE_RUNNERS: Readonly<Record<RecipeRunModel, RecipeRunner<never>>> = {
  'lm-pretrain': lmPretrainRunner as RecipeRunner<never>,
  recbase: recbaseRunner as RecipeRunner<never>,
  pad: createPadRunner(nodeRecipeFiles) as RecipeRunner<never>,
  rellax: createRellaxRunner(nodeRecipeFiles) as RecipeRunner<never>,
  cprec: createCprecRunner(nodeRecipeFiles) as RecipeRunner<never>,
  reccocktail: createRecCocktailRunner(nodeRecipeFiles) as RecipeRunner<never>,
};
