import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { writeTinyCocktailRun } from '../../testing/cocktailRun';
import type { CocktailAutoLambda } from '../../protocol/recipeActions';
import { recipeFilesOver } from '../llm/portRecipeFiles';
import { recCocktailActions } from './actions';
import { createRunPlayground } from './runPlayground';

useTensorSuite();

describe('reccocktail actions: Auto λ', () => {
  // Per scenario: one yield per grid λ (0, 0.5, 1), then one per gradient evaluation (start + 2 steps).
  it.each([
    ['grid', 2 * 3],
    ['gradient', 2 * 3 + 2 * 3],
  ] as const)('yields to the worker between the steps of the %s search (%i times)', async (lambdaSearch, yields) => {
    const files = recipeFilesOver(memoryFilePort());
    await writeTinyCocktailRun(files, '/run', { lambdaSearch });
    const pg = createRunPlayground(files);
    let calls = 0;
    try {
      const auto = (await recCocktailActions(files, pg).autoLambda?.('/run', {}, { yieldToEventLoop: async () => void calls++ })) as CocktailAutoLambda;
      expect(auto.warm.method).toBe(lambdaSearch);
      expect(calls).toBe(yields);
    } finally {
      await pg.close();
    }
  });
});
