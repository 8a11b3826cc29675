import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useTensorSuite } from '../../testing/tensorSuite';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { writeTinyCocktailRun } from '../../testing/cocktailRun';
import { ADAPTER_WEIGHTS_FILE, recipeFilesOver } from '../llm/portRecipeFiles';
import { joinPath, type RecipeFiles } from '../llm/recipeFiles';
import { COCKTAIL_PATHS } from './runState';
import { createRunPlayground } from './runPlayground';

useTensorSuite();

async function twoRuns(port = memoryFilePort()): Promise<RecipeFiles> {
  const files = recipeFilesOver(port);
  await writeTinyCocktailRun(files, '/runA', { seed: 3 });
  await writeTinyCocktailRun(files, '/runB', { seed: 7 });
  return files;
}

describe('run playground: concurrent actions', () => {
  it('two first calls on the same run load it once: nothing is left after close()', async () => {
    const files = await twoRuns();
    const before = tf.memory().numTensors;
    const pg = createRunPlayground(files);
    await Promise.all([pg.evaluateAtLambda('/runA', 0.3), pg.evaluateAtLambda('/runA', 0.7)]);
    await pg.close();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a call on another run waits for the action in flight instead of freeing its weights under it', async () => {
    const files = await twoRuns();
    const pg = createRunPlayground(files);
    try {
      const alone = { a: (await pg.evaluateAtLambda('/runA', 0.4)).evaluation, b: (await pg.evaluateAtLambda('/runB', 0.4)).evaluation };
      await pg.evaluateAtLambda('/runA', 0.4);
      // runA is open: the call on runB must not close it while runA's evaluation and Auto λ run.
      const [a, auto, b] = await Promise.all([pg.evaluateAtLambda('/runA', 0.6), pg.autoLambda('/runA'), pg.evaluateAtLambda('/runB', 0.4)]);
      expect(auto.warm.entropies).toHaveLength(3);
      expect(a.evaluation.lambda).toBe(0.6);
      expect(b.evaluation).toEqual(alone.b);
      expect((await pg.evaluateAtLambda('/runA', 0.4)).evaluation).toEqual(alone.a);
    } finally {
      await pg.close();
    }
  });
});

describe('run playground: a run that cannot be opened', () => {
  it('frees the base and the adapter already loaded when the next adapter fails, and keeps no run open', async () => {
    const port = memoryFilePort();
    const files = await twoRuns(port);
    port.files.set(joinPath('/runA', COCKTAIL_PATHS.ingredient, ADAPTER_WEIGHTS_FILE), new TextEncoder().encode('not safetensors'));
    const before = tf.memory().numTensors;
    const pg = createRunPlayground(files);
    for (let attempt = 0; attempt < 2; attempt++) await expect(pg.evaluateAtLambda('/runA', 0.5)).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    // The playground stays usable for another run.
    expect((await pg.evaluateAtLambda('/runB', 0.5)).evaluation.lambda).toBe(0.5);
    await pg.close();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('run playground: per-layer λ', () => {
  it('a per-layer λ with more entries than the run has layers is refused (it used to be ranked and exported with a wrong mean λ)', async () => {
    const files = await twoRuns();
    const pg = createRunPlayground(files);
    try {
      await expect(pg.evaluateAtLambda('/runA', [0.2, 0.4, 1, 1, 1])).rejects.toMatchObject({ code: 'validation', location: { field: 'layers' } });
      await expect(pg.exportMerged('/runA', [0.2, 0.4, 1], '/runA/artifacts/exports/x')).rejects.toMatchObject({ code: 'validation' });
      expect((await pg.evaluateAtLambda('/runA', [0.2, 0.4])).evaluation.lambda).toBeCloseTo(0.3, 12);
    } finally {
      await pg.close();
    }
  });
});
