/**
 * The studio's playground calls on a finished RecCocktail run (runs.action; the host validated
 * the arguments with core/protocol/recipeActions.ts): metrics at a λ, Auto λ by entropy, export
 * of the merge (PEFT adapter or merged HF checkpoint, recorded as a run artifact) and ranking of
 * an adapter folder of the run, so an export can be loaded back and checked.
 */
import type { ActionArtifact, CocktailAutoLambda, CocktailEvaluation, CocktailExportArgs } from '../../protocol/recipeActions';
import type { RecipeAction } from '../runner';
import { joinPath, type RecipeFiles } from '../llm/recipeFiles';
import { exportedLambdaText, exportedMergePath } from './exportPath';
import { createRunPlayground, type RunPlayground } from './runPlayground';

/** The actions, sharing one playground (the last opened run stays loaded between slider moves). */
export function recCocktailActions(files: RecipeFiles, pg: RunPlayground = createRunPlayground(files)): Readonly<Record<string, RecipeAction>> {
  return {
    async evaluate(runDir, args): Promise<CocktailEvaluation> {
      const { lambda, layers } = args as { lambda: number; layers?: number[] };
      const r = await pg.evaluateAtLambda(runDir, layers ?? lambda);
      return { lambda, metrics: r.metrics };
    },
    async autoLambda(runDir, _args, io): Promise<CocktailAutoLambda> {
      // The search ranks ≤ 100 prompts per grid λ and per gradient step: between them it yields, reports its progress and stops if cancelled.
      return pg.autoLambda(runDir, { yieldToEventLoop: () => io.yieldToEventLoop(), isCancelled: () => io.isCancelled(), onProgress: (done, total) => io.reportProgress(done, total) });
    },
    async exportMerged(runDir, args): Promise<ActionArtifact> {
      const a = args as CocktailExportArgs;
      const rel = exportedMergePath(a);
      await pg.exportMerged(runDir, a.layers ?? a.lambda, joinPath(runDir, rel), a.format);
      const what = a.format === 'adapter' ? 'PEFT adapter' : 'merged HF checkpoint';
      return { artifact: { kind: a.format === 'adapter' ? 'peft-adapter' : 'hf-model', path: rel, title: `Cocktail ${what} at ${exportedLambdaText(a)}` } };
    },
    async evaluateAdapter(runDir, args): Promise<CocktailEvaluation> {
      const { path } = args as { path: string };
      const r = await pg.evaluateFolder(runDir, joinPath(runDir, path));
      return { lambda: null, metrics: r.metrics };
    },
  };
}
