import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { writeTinyCocktailRun } from '../../testing/cocktailRun';
import type { ActionArtifact, CocktailAutoLambda } from '../../protocol/recipeActions';
import { ADAPTER_WEIGHTS_FILE, recipeFilesOver } from '../llm/portRecipeFiles';
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

describe('reccocktail actions: export', () => {
  it('two λs that round alike are exported to two folders, each artifact titled with its exact λ', async () => {
    const port = memoryFilePort();
    const files = recipeFilesOver(port);
    await writeTinyCocktailRun(files, '/run');
    const pg = createRunPlayground(files);
    const io = { yieldToEventLoop: () => Promise.resolve() };
    try {
      const exportAt = async (lambda: number): Promise<ActionArtifact> => (await recCocktailActions(files, pg).exportMerged?.('/run', { lambda, format: 'adapter' }, io)) as ActionArtifact;
      const [first, second] = [await exportAt(0.4137), await exportAt(0.4149)];
      expect(first.artifact.path).not.toBe(second.artifact.path);
      expect([first.artifact.title, second.artifact.title]).toEqual(['Cocktail PEFT adapter at λ = 0.4137', 'Cocktail PEFT adapter at λ = 0.4149']);
      const weights = (a: ActionArtifact): Uint8Array | undefined => port.files.get(`/run/${a.artifact.path}/${ADAPTER_WEIGHTS_FILE}`);
      expect(weights(first)).toBeDefined();
      expect(weights(first)).not.toEqual(weights(second));
    } finally {
      await pg.close();
    }
  });
});
