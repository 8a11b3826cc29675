/**
 * The λ sweep of a trained cocktail: every grid λ is ranked on validation, warm and cold cases
 * (the studio's grid curve) and its mean entropy on each scenario's unlabeled prompts is
 * measured; the grid λ (best validation) and one entropy λ per scenario (labels never read — the
 * paper's test-time merge tailored to each inference scenario) are picked: the entropy grid's
 * minimum, refined by gradient descent from there when the settings ask for it (the default).
 */
import { RecForgeError } from '../../errors';
import type { CocktailLambda } from './cocktail';
import type { LambdaGradientResult } from './lambdaGradient';
import { bestByValidation, lambdaGrid, lowestEntropy, type EntropyPoint, type GridPoint } from './lambdaSearch';
import { DEFAULT_LAMBDA_STEPS, type CocktailPlayground, type LambdaEvaluation, type Scenario } from './playground';

/** Cancellation, cooperative yielding and progress between λ points. */
export interface SweepHooks {
  isCancelled?(): boolean;
  yieldToEventLoop?(): Promise<void>;
  /** The entropy search finished `done` of its `total` steps (grid λs, then gradient steps; total known up front). */
  onProgress?(done: number, total: number): void;
}

/** Everything the sweep measured and chose. */
export interface CocktailSweep {
  readonly grid: readonly LambdaEvaluation[];
  readonly entropies: PerScenario<readonly EntropyPoint[]>;
  /** Best warm validation on the grid. */
  readonly gridBest: GridPoint;
  /** Best cold validation (the new items set aside) on the grid; absent without a cold validation slice. */
  readonly coldGridBest?: GridPoint;
  /** The entropy grid's minimum per scenario (the gradient search's start). */
  readonly entropyBest: PerScenario<EntropyPoint>;
  /** The gradient search per scenario (absent when the settings ask for the grid only). */
  readonly entropyGradient?: PerScenario<LambdaGradientResult>;
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

/** Mean entropy of one scenario's unlabeled prompts at every λ of the grid; `measured` runs after each λ. */
export async function entropyCurve(pg: CocktailPlayground, lambdas: readonly number[], scenario: Scenario, hooks: SweepHooks = {}, measured?: () => void): Promise<EntropyPoint[]> {
  const out: EntropyPoint[] = [];
  for (const lambda of lambdas) {
    await between(hooks);
    out.push({ lambda, entropy: await pg.entropyAtLambda(lambda, scenario) });
    measured?.();
  }
  return out;
}

/** Steps of an entropy search: every grid λ per scenario, plus per scenario the gradient search's start and its updates. */
export function entropySearchSteps(gridSize: number, options: CocktailPlayground['options']): number {
  const gradient = options.lambdaSearch === 'gradient' ? (options.lambdaSteps ?? DEFAULT_LAMBDA_STEPS) + 1 : 0;
  return 2 * (gridSize + gradient); // warm and cold
}

/** A counter of finished steps that reports each one to `hooks.onProgress`. */
function stepCounter(total: number, hooks: SweepHooks): () => void {
  let done = 0;
  hooks.onProgress?.(done, total);
  return () => hooks.onProgress?.(++done, total);
}

/** What the entropy search found: each scenario's curve, its grid minimum and (gradient search) the refined λ. */
export interface EntropySearch {
  readonly entropies: PerScenario<EntropyPoint[]>;
  readonly best: PerScenario<EntropyPoint>;
  readonly gradient?: PerScenario<LambdaGradientResult>;
}

/** Both scenarios' entropy curves, their minima and, when the playground's options ask for it, the gradient refinement. */
export async function entropySearch(pg: CocktailPlayground, lambdas: readonly number[], hooks: SweepHooks = {}): Promise<EntropySearch> {
  const stepDone = stepCounter(entropySearchSteps(lambdas.length, pg.options), hooks);
  const entropies = { warm: await entropyCurve(pg, lambdas, 'warm', hooks, stepDone), cold: await entropyCurve(pg, lambdas, 'cold', hooks, stepDone) };
  const best = { warm: lowestEntropy(entropies.warm), cold: lowestEntropy(entropies.cold) };
  if (pg.options.lambdaSearch !== 'gradient') return { entropies, best };
  // optimiseLambda calls this after each of its steps + 1 measurements (the start, then every update).
  const step = (): Promise<void> => {
    stepDone();
    return between(hooks);
  };
  const gradient = { warm: await pg.gradientLambda('warm', best.warm.lambda, step), cold: await pg.gradientLambda('cold', best.cold.lambda, step) };
  return { entropies, best, gradient };
}

/** The entropy-guided λ per scenario: the gradient search's when it ran, else the grid minimum. */
export function entropyLambdas(e: { readonly entropyBest: PerScenario<EntropyPoint>; readonly entropyGradient?: PerScenario<LambdaGradientResult> }): PerScenario<CocktailLambda> {
  return e.entropyGradient ? { warm: e.entropyGradient.warm.lambda, cold: e.entropyGradient.cold.lambda } : { warm: e.entropyBest.warm.lambda, cold: e.entropyBest.cold.lambda };
}

/** Ranks and entropies over the grid of spacing `step`. */
export async function sweepLambdas(pg: CocktailPlayground, step: number, hooks: SweepHooks = {}): Promise<CocktailSweep> {
  const lambdas = lambdaGrid(step);
  const grid: LambdaEvaluation[] = [];
  for (const lambda of lambdas) {
    await between(hooks);
    grid.push(await pg.evaluateAtLambda(lambda));
  }
  const { entropies, best, gradient } = await entropySearch(pg, lambdas, hooks);
  const coldValid = grid.flatMap((g) => (g.coldValid ? [{ lambda: g.lambda, valid: g.coldValid }] : []));
  const coldGridBest = coldValid.length === grid.length && grid.length > 0 ? { coldGridBest: bestByValidation(coldValid) } : {};
  return { grid, entropies, gridBest: bestByValidation(grid), ...coldGridBest, entropyBest: best, ...(gradient ? { entropyGradient: gradient } : {}) };
}

/** The validation-grid λ per scenario: warm validation for warm items, the cold slice (when there is one) for new items. */
export function gridLambdas(sweep: Pick<CocktailSweep, 'gridBest' | 'coldGridBest'>): PerScenario<number> {
  return { warm: sweep.gridBest.lambda, cold: (sweep.coldGridBest ?? sweep.gridBest).lambda };
}

/** The grid evaluation at exactly λ (evaluated when the grid lacks it, e.g. 0.5 on a 0.3 grid, or a per-layer λ). */
export async function evaluationAt(pg: CocktailPlayground, grid: readonly LambdaEvaluation[], lambda: CocktailLambda): Promise<LambdaEvaluation> {
  const onGrid = typeof lambda === 'number' ? grid.find((g) => Math.abs(g.lambda - lambda) < 1e-9) : undefined;
  return onGrid ?? (await pg.evaluateAtLambda(lambda));
}
