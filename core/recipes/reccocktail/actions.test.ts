import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { memoryFilePort } from '../../testing/memoryFilePort';
import { writeTinyCocktailRun, type TinyCocktailRunOptions } from '../../testing/cocktailRun';
import type { ActionArtifact, CocktailAutoLambda, CocktailEvaluation } from '../../protocol/recipeActions';
import { ADAPTER_WEIGHTS_FILE, recipeFilesOver } from '../llm/portRecipeFiles';
import { recCocktailActions } from './actions';
import { createRunPlayground } from './runPlayground';
import type { RecipeActionIo } from '../runner';

useTensorSuite();

/** An io that never cancels and drops progress. */
const quietIo = (yieldToEventLoop: () => Promise<void> = () => Promise.resolve()): RecipeActionIo => ({ yieldToEventLoop, isCancelled: () => false, reportProgress: () => undefined });

/** What a test gets: a tiny finished run at '/run' in memory, and its actions over a playground. */
interface TinyRun {
  readonly port: ReturnType<typeof memoryFilePort>;
  readonly actions: ReturnType<typeof recCocktailActions>;
}

/** Runs `body` on a tiny run written with `options`; the playground is closed afterwards, whatever happens. */
async function withTinyRun(options: TinyCocktailRunOptions, body: (run: TinyRun) => Promise<void>): Promise<void> {
  const port = memoryFilePort();
  const files = recipeFilesOver(port);
  await writeTinyCocktailRun(files, '/run', options);
  const pg = createRunPlayground(files);
  try {
    await body({ port, actions: recCocktailActions(files, pg) });
  } finally {
    await pg.close();
  }
}

/**
 * Steps of Auto λ on the tiny run, per search: per scenario the grid (λ 0, 0.5, 1), then for the
 * gradient search its start and 2 updates. Each step is one yield and one progress report.
 */
const SEARCH_STEPS = [
  ['grid', 2 * 3],
  ['gradient', 2 * 3 + 2 * 3],
] as const;

describe('reccocktail actions: Auto λ', () => {
  it.each(SEARCH_STEPS)('yields to the worker between the steps of the %s search (%i times)', async (lambdaSearch, yields) => {
    await withTinyRun({ lambdaSearch }, async ({ actions }) => {
      let calls = 0;
      const auto = (await actions.autoLambda?.('/run', {}, quietIo(async () => void calls++))) as CocktailAutoLambda;
      expect(auto.warm.method).toBe(lambdaSearch);
      expect(calls).toBe(yields);
    });
  });
});

describe('reccocktail actions: Auto λ progress and cancel', () => {
  it.each(SEARCH_STEPS)('the %s search reports every step, from 0 to the %i steps known up front', async (lambdaSearch, total) => {
    await withTinyRun({ lambdaSearch }, async ({ actions }) => {
      const reports: [number, number][] = [];
      await actions.autoLambda?.('/run', {}, { ...quietIo(), reportProgress: (done, t) => void reports.push([done, t]) });
      expect(reports).toEqual(Array.from({ length: total + 1 }, (_, done) => [done, total]));
    });
  });

  // Cancelled after step 2 (in the warm grid) or step 8 (in the warm gradient search: the grid is steps 1–6).
  it.each([2, 8])('cancelled after step %i, the search stops at the next step with a cancelled error, frees its tensors and the run stays open', async (cancelAt) => {
    await withTinyRun({ lambdaSearch: 'gradient' }, async ({ actions }) => {
      const atHalf = (await actions.evaluate?.('/run', { lambda: 0.5 }, quietIo())) as CocktailEvaluation;
      const openTensors = tf.memory().numTensors;
      let cancelled = false;
      let last = 0;
      const io: RecipeActionIo = {
        ...quietIo(),
        isCancelled: () => cancelled,
        reportProgress: (done) => {
          last = done;
          if (done === cancelAt) cancelled = true;
        },
      };
      await expect(actions.autoLambda?.('/run', {}, io)).rejects.toMatchObject({ code: 'cancelled' });
      expect(last).toBe(cancelAt);
      expect(tf.memory().numTensors).toBe(openTensors);
      // The next action on the run (λ 0.6, not cached) works, and the earlier one is unchanged.
      expect(((await actions.evaluate?.('/run', { lambda: 0.6 }, quietIo())) as CocktailEvaluation).lambda).toBe(0.6);
      expect(await actions.evaluate?.('/run', { lambda: 0.5 }, quietIo())).toEqual(atHalf);
    });
  });
});

describe('reccocktail actions: export', () => {
  it('two λs that round alike are exported to two folders, each artifact titled with its exact λ', async () => {
    await withTinyRun({}, async ({ port, actions }) => {
      const io = quietIo();
      const exportAt = async (lambda: number): Promise<ActionArtifact> => (await actions.exportMerged?.('/run', { lambda, format: 'adapter' }, io)) as ActionArtifact;
      const [first, second] = [await exportAt(0.4137), await exportAt(0.4149)];
      expect(first.artifact.path).not.toBe(second.artifact.path);
      expect([first.artifact.title, second.artifact.title]).toEqual(['Cocktail PEFT adapter at λ = 0.4137', 'Cocktail PEFT adapter at λ = 0.4149']);
      const weights = (a: ActionArtifact): Uint8Array | undefined => port.files.get(`/run/${a.artifact.path}/${ADAPTER_WEIGHTS_FILE}`);
      expect(weights(first)).toBeDefined();
      expect(weights(first)).not.toEqual(weights(second));
    });
  });
});
