/**
 * PAD quality check on real data (issue 7, acceptance 2; not run by CI): the 'pad' runner — the
 * same code the studio runs — on ml-100k (5-core) and on the demo workspace, each with a cold-item
 * split and 3 seeds. Prints the PAD-vs-SASRec table (mean ± sample std, paired difference) and
 * exits 1 unless PAD beats SASRec on cold items (NDCG@10) and is not worse on warm items by more
 * than the seed-to-seed spread (paired difference ≥ −max(std PAD, std SASRec)).
 *
 *   RECFORGE_PAD_REAL=1 npx tsx bench/pad.ts [--dataset ml-100k|demo|both] [--domain books]
 *                                            [--settings '{"pretrainEpochs":30}']
 */
import type { ResultTable } from '../core/protocol/recipeRun';
import { nodeRecipeFiles } from '../core/platform/recipeFiles';
import { createPadRunner } from '../core/recipes/pad/runner';
import { consoleIo, realDataMain, withRealSources, type RealDataset } from './recipeData';

/** Row of the table by segment and variant. */
function row(t: ResultTable, segment: string, variant: string): readonly (string | number | null)[] {
  const r = t.rows.find((x) => x[0] === segment && x[1] === variant);
  if (r === undefined) throw new Error(`table has no row ${segment} ${variant}`);
  return r;
}

/** The acceptance verdict on NDCG@k. */
function verdict(t: ResultTable): { cold: boolean; warm: boolean } {
  const col = t.columns.findIndex((c) => c.startsWith('NDCG@'));
  const at = (segment: string, variant: string, offset = 0): number => row(t, segment, variant)[col + offset] as number;
  const spread = Math.max(at('warm', 'PAD', 1), at('warm', 'SASRec', 1));
  return { cold: at('cold', 'PAD − SASRec') > 0, warm: at('warm', 'PAD − SASRec') >= -spread };
}

const padRunner = createPadRunner(nodeRecipeFiles);

async function runOn(which: RealDataset, domain: string, overrides: object): Promise<boolean> {
  return withRealSources(which, async (sources) => {
    const settings = padRunner.settings.parse({ ...overrides, domain });
    console.log(`settings: ${JSON.stringify(settings)}`);
    const t0 = performance.now();
    const { io, events } = consoleIo('/tmp/recforge-pad-bench');
    const outcome = await padRunner.run({ runId: `bench-pad-${which}`, settings, sources, model: { kind: 'scratch' } }, io);
    const table = events.flatMap((e) => (e.kind === 'table' ? [e.table] : []))[0];
    if (outcome.status !== 'done' || table === undefined) throw new Error('the run did not finish');
    const v = verdict(table);
    console.log(`${which}: ${((performance.now() - t0) / 1000).toFixed(0)} s — cold better: ${v.cold ? 'PASS' : 'FAIL'}, warm within spread: ${v.warm ? 'PASS' : 'FAIL'}\n`);
    return v.cold && v.warm;
  });
}

void realDataMain('RECFORGE_PAD_REAL', 'the PAD real-data check', runOn);
