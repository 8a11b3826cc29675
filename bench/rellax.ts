/**
 * ReLLaX ablation on real data (issue 7; not run by CI): the 'rellax' runner — the same code the
 * studio and the CLI run — on ml-100k (5-core) and/or the demo workspace. Prints the ablation
 * table (AUC, LogLoss per variant) with its protocol and the wall time.
 *
 *   RECFORGE_RELLAX_REAL=1 npx tsx bench/rellax.ts [--dataset ml-100k|demo|both] [--domain games]
 *                                                  [--settings '{"stage1Steps":200}']
 */
import { nodeRecipeFiles } from '../core/platform/recipeFiles';
import { createRellaxRunner } from '../core/recipes/rellax/runner';
import { consoleIo, realDataMain, withRealSources, type RealDataset } from './recipeData';

const rellaxRunner = createRellaxRunner(nodeRecipeFiles);

async function runOn(which: RealDataset, domain: string, overrides: object): Promise<boolean> {
  return withRealSources(which, async (sources) => {
    const settings = rellaxRunner.settings.parse({ ...overrides, domain });
    console.log(`settings: ${JSON.stringify(settings)}`);
    const t0 = performance.now();
    const { io } = consoleIo('/tmp/recforge-rellax-bench', 10);
    const outcome = await rellaxRunner.run({ runId: `bench-rellax-${which}`, settings, sources, model: { kind: 'scratch' } }, io);
    if (outcome.status !== 'done') throw new Error('the run did not finish');
    console.log(`${which}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    return true;
  });
}

void realDataMain('RECFORGE_RELLAX_REAL', 'the ReLLaX real-data ablation', runOn);
