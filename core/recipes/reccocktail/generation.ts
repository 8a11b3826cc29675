/**
 * RecCocktail's generative evaluation (§4.1: the LLM writes the recommended title): on the first
 * n test cases of each scenario, free greedy generation gives the valid ratio (the output is an
 * item of the target domain) and generation constrained to the 1 + N candidates gives HR@1 of
 * generation — for base only, ingredient only and the cocktail at each scenario's λ.
 */
import { generationMetrics, type GenerationMetrics } from '../llm/generationEval';
import { answerIds } from './instructionTokens';
import type { CocktailLambda } from './cocktail';
import type { CocktailPlayground, Scenario } from './playground';
import type { PreparedRecCocktail } from './prepare';
import type { PerScenario } from './sweep';

/** Generation metrics of one model in both scenarios. */
export interface VariantGeneration {
  readonly variant: 'base' | 'ingredient' | 'merged';
  readonly warm: GenerationMetrics;
  readonly cold: GenerationMetrics;
}

/** Answer token ids of every target-domain item (new items included: their text exists). */
function targetCatalog(p: PreparedRecCocktail): number[][] {
  return Array.from(p.target.itemGlobal.subarray(1), (g) => answerIds(p.model.tokenizer, p.catalog[g - 1]?.title ?? ''));
}

/** Base (λ 1), ingredient (λ 0) and merged (each scenario at its own λ) on `n` cases per scenario. */
export async function generationOf(pg: CocktailPlayground, p: PreparedRecCocktail, merged: PerScenario<CocktailLambda>, n: number): Promise<VariantGeneration[]> {
  const catalog = targetCatalog(p);
  const run = (lambda: CocktailLambda, scenario: Scenario): Promise<GenerationMetrics> =>
    pg.withWeightsAt(lambda, (w) => generationMetrics(pg.lm, w, pg.sets[scenario].slice(0, n), catalog, p.model.tokenizer.eosId));
  const out: VariantGeneration[] = [];
  for (const [variant, l] of [['base', { warm: 1, cold: 1 }], ['ingredient', { warm: 0, cold: 0 }], ['merged', merged]] as const) {
    out.push({ variant, warm: await run(l.warm, 'warm'), cold: await run(l.cold, 'cold') });
  }
  return out;
}
