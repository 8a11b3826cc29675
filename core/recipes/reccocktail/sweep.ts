/**
 * The λ sweep of a trained cocktail: every grid λ is ranked on validation, warm and cold cases
 * (the studio's grid curve) and its mean entropy on each scenario's unlabeled prompts is
 * measured; the grid λ (best validation) and one entropy λ per scenario (lowest entropy, labels
 * never read — the paper's test-time merge tailored to each inference scenario) are picked.
 */
import { RecForgeError } from '../../errors';
import { bestByValidation, lambdaGrid, lowestEntropy, type EntropyPoint, type GridPoint } from './lambdaSearch';
import type { CocktailPlayground, LambdaEvaluation, Scenario } from './playground';

/** Cancellation and cooperative yielding between λ points. */
export interface SweepHooks {
  isCancelled?(): boolean;
  yieldToEventLoop?(): Promise<void>;
}

/** Everything the sweep measured and chose. */
export interface CocktailSweep {
  readonly grid: readonly LambdaEvaluation[];
  readonly entropies: PerScenario<readonly EntropyPoint[]>;
  readonly gridBest: GridPoint;
  readonly entropyBest: PerScenario<EntropyPoint>;
}

/** One value per inference scenario. */
export interface PerScenario<T> {
  readonly warm: T;
  readonly cold: T;
}

async function between(hooks: SweepHooks): Promise<void> {
  await hooks.yieldToEventLoop?.();
  if (hooks.isCancelled?.() === true) throw new RecForgeError('cancelled', 'the λ sweep was cancelled');
}

/** Mean entropy of one scenario's unlabeled prompts at every λ of the grid. */
export async function entropyCurve(pg: CocktailPlayground, lambdas: readonly number[], scenario: Scenario, hooks: SweepHooks = {}): Promise<EntropyPoint[]> {
  const out: EntropyPoint[] = [];
  for (const lambda of lambdas) {
    await between(hooks);
    out.push({ lambda, entropy: await pg.entropyAtLambda(lambda, scenario) });
  }
  return out;
}

/** Both scenarios' entropy curves and their minima. */
export async function entropySearch(pg: CocktailPlayground, lambdas: readonly number[], hooks: SweepHooks = {}): Promise<{ entropies: PerScenario<EntropyPoint[]>; best: PerScenario<EntropyPoint> }> {
  const entropies = { warm: await entropyCurve(pg, lambdas, 'warm', hooks), cold: await entropyCurve(pg, lambdas, 'cold', hooks) };
  return { entropies, best: { warm: lowestEntropy(entropies.warm), cold: lowestEntropy(entropies.cold) } };
}

/** Ranks and entropies over the grid of spacing `step`. */
export async function sweepLambdas(pg: CocktailPlayground, step: number, hooks: SweepHooks = {}): Promise<CocktailSweep> {
  const lambdas = lambdaGrid(step);
  const grid: LambdaEvaluation[] = [];
  for (const lambda of lambdas) {
    await between(hooks);
    grid.push(await pg.evaluateAtLambda(lambda));
  }
  const { entropies, best } = await entropySearch(pg, lambdas, hooks);
  return { grid, entropies, gridBest: bestByValidation(grid), entropyBest: best };
}

/** The grid evaluation at exactly λ (evaluated when the grid lacks it, e.g. 0.5 on a 0.3 grid). */
export async function evaluationAt(pg: CocktailPlayground, grid: readonly LambdaEvaluation[], lambda: number): Promise<LambdaEvaluation> {
  return grid.find((g) => Math.abs(g.lambda - lambda) < 1e-9) ?? (await pg.evaluateAtLambda(lambda));
}
