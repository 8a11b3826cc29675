import { describe, expect, it } from 'vitest';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { writeTinyCocktailRun } from '../../testing/cocktailRun';
import { useTensorSuite } from '../../testing/tensorSuite';
import { recipeFilesOver } from '../llm/portRecipeFiles';
import { COCKTAIL_PATHS, loadCocktailState } from './runState';

useTensorSuite();

describe('RecCocktail playground state', () => {
  it('a truncated state file is a located import error naming the file and line, not an internal one', async () => {
    const port = memoryFilePort();
    const files = recipeFilesOver(port);
    await writeTinyCocktailRun(files, '/run');
    const file = `/run/${COCKTAIL_PATHS.state}`;
    const text = await files.readText(file);
    await files.writeText(file, text.slice(0, Math.floor(text.length / 2)));
    await expect(loadCocktailState(files, '/run')).rejects.toMatchObject({
      name: 'RecForgeError',
      code: 'import',
      detail: expect.stringMatching(/^\/run\/artifacts\/cocktail-playground\.json is not valid JSON at line 1, column \d+ \(/),
      location: { file, line: 1, expected: 'JSON' },
    });
  });

  it('the state as written loads back', async () => {
    const files = recipeFilesOver(memoryFilePort());
    await writeTinyCocktailRun(files, '/run');
    expect((await loadCocktailState(files, '/run')).lambdaStep).toBe(0.5);
  });
});
