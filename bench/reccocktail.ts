/**
 * RecCocktail demo check (issue 5, acceptance 1–2): the bundled demo workspace (600 users; books,
 * games, movies), a from-scratch LM, target = movies, default settings (override any with a JSON
 * argument: `npx tsx bench/reccocktail.ts '{"seed": 7}'`). Prints the variants table (warm and
 * cold test metrics with chance), the λ curve (validation MRR, test NDCG@1, entropy of the
 * unlabeled prompts), the entropy λ search (grid minimum vs gradient), the chosen λs, the two
 * acceptance checks and the wall time. With
 * `{"seeds": [23, 7, 11]}` it runs once per seed and ends with NDCG@1 mean ± sd per variant.
 * Compare runs on one engine version: tsx loads the working tree, and every change to core/train
 * or core/tensor (dropout streams, kernels) moves the trained adapters — run the variants from a
 * `git worktree` of one commit when others are editing the engine.
 */
import { initBackend } from '../core/tensor/backend';
import type { RankMetrics } from '../core/recipes/llm/rankEval';
import { demoSources } from '../core/recipes/llm/testData';
import { scratchModelOf } from '../core/recipes/llm/modelSource';
import { generationTable, lambdaSearchTable, lambdaTable, variantsTable } from '../core/recipes/reccocktail/report';
import { meanLambda } from '../core/recipes/reccocktail/cocktail';
import { entropyLambdas, gridLambdas } from '../core/recipes/reccocktail/sweep';
import { runRecCocktail, type CocktailVariant } from '../core/recipes/reccocktail/runRecCocktail';
import { parseRecCocktailSettings, type RecCocktailSettings } from '../core/recipes/reccocktail/settings';
import { printTable } from '../electron/cli/printRun';

/** Acceptance 1 on one metric: merged ≥ max(base, ingredient) on warm and cold, > on one. */
function acceptance1(get: (v: CocktailVariant) => { warm: RankMetrics; cold: RankMetrics }, metric: (m: RankMetrics) => number, name: string): boolean {
  const [m, b, i] = [get('merged'), get('base'), get('ingredient')];
  const warmOk = metric(m.warm) >= Math.max(metric(b.warm), metric(i.warm));
  const coldOk = metric(m.cold) >= Math.max(metric(b.cold), metric(i.cold));
  const strict = metric(m.warm) > Math.max(metric(b.warm), metric(i.warm)) || metric(m.cold) > Math.max(metric(b.cold), metric(i.cold));
  console.log(`acceptance 1 (${name}): warm ${warmOk} cold ${coldOk} strictly better on one ${strict} → ${warmOk && coldOk && strict ? 'PASS' : 'FAIL'}`);
  return warmOk && coldOk && strict;
}

/** NDCG@1 (warm, cold) of every variant of one seed, and its two acceptance checks. */
interface SeedOutcome {
  readonly seed: number;
  readonly ndcg1: ReadonlyMap<CocktailVariant, readonly [number, number]>;
  readonly pass1: boolean;
  /** Acceptance 1 with the validation-chosen (grid) variant as the merge. */
  readonly pass1Grid: boolean;
  /** Acceptance 2 on warm items (the paper's validation) and on new items (the cold validation slice). */
  readonly pass2: boolean;
  readonly pass2Cold: boolean;
  /** Mean entropy λ and validation-grid λ, [warm, cold]. */
  readonly lambdas: { readonly entropy: readonly number[]; readonly grid: readonly number[] };
}

async function runSeed(s: RecCocktailSettings): Promise<SeedOutcome> {
  const t0 = performance.now();
  const seconds = (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  const r = await runRecCocktail({ sources: demoSources(600), model: scratchModelOf(s) }, s, {
    onStage: (stage) => console.log(`[seed ${s.seed}, ${seconds()}] ${stage}`),
    emit: (runId, e) => {
      if (e.kind === 'progress') for (const p of e.points) if (p.step % 100 === 0) console.log(`  ${runId} step ${p.step} loss ${p.loss.toFixed(3)}`);
    },
  });
  try {
    const wall = seconds();
    printTable(variantsTable(r, s));
    printTable(lambdaTable(r, s));
    printTable(lambdaSearchTable(r, s));
    if (r.generation.length > 0) printTable(generationTable(r, s));
    const get = (v: CocktailVariant): { warm: RankMetrics; cold: RankMetrics } => r.variants.find((x) => x.variant === v)?.evaluation ?? (r.variants[0]?.evaluation as { warm: RankMetrics; cold: RankMetrics });
    const prompts = r.playground.sets.entropy;
    console.log(`\nexamples: general ${r.prepared.corpora.general.length}, target ${r.prepared.corpora.target.length}; unlabeled prompts warm ${prompts.warm.length}, cold ${prompts.cold.length}`);
    const pass1 = acceptance1(get, (m) => m.ndcg[1] ?? 0, 'NDCG@1');
    acceptance1(get, (m) => m.ndcg[3] ?? 0, 'NDCG@3');
    // The same check for the validation-chosen merge (per scenario when there is a cold validation slice).
    const pass1Grid = acceptance1((v) => get(v === 'merged' ? 'grid' : v), (m) => m.ndcg[1] ?? 0, 'NDCG@1, grid variant as the merge');
    // Each scenario's entropy λ against its validation-grid λ (new items: the cold validation slice when there is one).
    const chosen = entropyLambdas(r.sweep);
    const grid = gridLambdas(r.sweep);
    const how = r.sweep.entropyGradient ? "by gradient from the entropy grid's minimum" : 'on the grid';
    const gaps = (['warm', 'cold'] as const).map((seg) => {
      const gap = Math.abs(meanLambda(chosen[seg]) - grid[seg]);
      const which = seg === 'warm' ? "acceptance 2 (warm: the paper's validation split, the second-to-last warm behaviour)" : 'beyond acceptance 2 (new items: our own cold validation slice)';
      console.log(`${which}: entropy λ (${how}, from ${r.sweep.entropyBest[seg].lambda}) ${meanLambda(chosen[seg]).toFixed(3)} vs validation-grid λ ${grid[seg]} (|Δ| ${gap.toFixed(3)}, ${prompts[seg].length} prompts) → ${gap <= 0.1 + 1e-9 ? 'PASS' : 'FAIL'}`);
      return gap;
    });
    const pass2 = (gaps[0] ?? 1) <= 0.1 + 1e-9;
    const pass2Cold = (gaps[1] ?? 1) <= 0.1 + 1e-9;
    console.log(`wall time ${wall} (train + sweep)`);
    const ndcg1 = new Map(r.variants.map((v) => [v.variant, [v.evaluation.warm.ndcg[1] ?? 0, v.evaluation.cold.ndcg[1] ?? 0] as const]));
    return { seed: s.seed, ndcg1, pass1, pass1Grid, pass2, pass2Cold, lambdas: { entropy: [meanLambda(chosen.warm), meanLambda(chosen.cold)], grid: [grid.warm, grid.cold] } };
  } finally {
    r.playground.dispose();
  }
}

const meanSd = (xs: readonly number[]): string => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(3)} ± ${sd.toFixed(3)}`;
};

/** Across seeds: NDCG@1 mean ± sd per variant and scenario, and how often each check passed. */
function printSpread(outcomes: readonly SeedOutcome[]): void {
  console.log(`\nacross seeds ${outcomes.map((o) => o.seed).join(', ')} — NDCG@1 mean ± sd (warm | cold):`);
  for (const v of outcomes[0]?.ndcg1.keys() ?? []) {
    const at = (k: 0 | 1): number[] => outcomes.map((o) => o.ndcg1.get(v)?.[k] ?? NaN);
    console.log(`  ${v.padEnd(11)} ${meanSd(at(0))} | ${meanSd(at(1))}`);
  }
  const count = (f: (o: SeedOutcome) => boolean): string => `${outcomes.filter(f).length}/${outcomes.length}`;
  for (const o of outcomes) console.log(`  seed ${o.seed}: entropy λ warm ${o.lambdas.entropy[0]?.toFixed(3)} cold ${o.lambdas.entropy[1]?.toFixed(3)}; validation-grid λ warm ${o.lambdas.grid[0]} cold ${o.lambdas.grid[1]}`);
  console.log(`acceptance 1 (merged = entropy λ) passed on ${count((o) => o.pass1)} seeds, with the grid variant as the merge on ${count((o) => o.pass1Grid)}; acceptance 2 (warm validation) on ${count((o) => o.pass2)}, the same check on new items on ${count((o) => o.pass2Cold)}`);
  const mean = (v: CocktailVariant, k: 0 | 1): number => outcomes.reduce((a, o) => a + (o.ndcg1.get(v)?.[k] ?? NaN), 0) / outcomes.length;
  for (const v of ['merged', 'grid'] as const) {
    const [warm, cold] = ([0, 1] as const).map((k) => mean(v, k) - Math.max(mean('base', k), mean('ingredient', k))) as [number, number];
    console.log(`acceptance 1 on the seed means (${v}): warm ${warm >= 0 ? '≥' : '<'} best single (${warm.toFixed(3)}), cold ${cold >= 0 ? '≥' : '<'} (${cold.toFixed(3)})`);
  }
}

async function main(): Promise<void> {
  await initBackend({ prefer: ['wasm'] });
  // `seeds` (bench only) repeats the run per seed and prints the spread.
  const { seeds, ...overrides } = JSON.parse(process.argv[2] ?? '{}') as { seeds?: number[] } & Record<string, unknown>;
  const outcomes: SeedOutcome[] = [];
  for (const seed of seeds ?? [undefined]) {
    outcomes.push(await runSeed(parseRecCocktailSettings({ targetDomain: 'movies', ...overrides, ...(seed === undefined ? {} : { seed }) })));
  }
  if (outcomes.length > 1) printSpread(outcomes);
}

await main();
