/**
 * RecCocktail demo check (issue 5, acceptance 1–2): the bundled demo workspace (600 users; books,
 * games, movies), a from-scratch LM, target = movies, default settings (override any with a JSON
 * argument: `npx tsx bench/reccocktail.ts '{"seed": 7}'`). Prints the variants table (warm and
 * cold test metrics with chance), the λ curve (validation MRR, test NDCG@1, entropy of the
 * unlabeled prompts), both chosen λs, the two acceptance checks and the wall time.
 */
import { initBackend } from '../core/tensor/backend';
import type { RankMetrics } from '../core/recipes/llm/rankEval';
import { demoSources } from '../core/recipes/llm/testData';
import { scratchModelOf } from '../core/recipes/llm/modelSource';
import { generationTable, lambdaTable, variantsTable } from '../core/recipes/reccocktail/report';
import { runRecCocktail, type CocktailVariant } from '../core/recipes/reccocktail/runRecCocktail';
import { parseRecCocktailSettings } from '../core/recipes/reccocktail/settings';
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

async function main(): Promise<void> {
  await initBackend({ prefer: ['wasm'] });
  const s = parseRecCocktailSettings({ targetDomain: 'movies', ...(JSON.parse(process.argv[2] ?? '{}') as object) });
  const t0 = performance.now();
  const seconds = (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  const r = await runRecCocktail({ sources: demoSources(600), model: scratchModelOf(s) }, s, {
    onStage: (stage) => console.log(`[${seconds()}] ${stage}`),
    emit: (runId, e) => {
      if (e.kind === 'progress') for (const p of e.points) if (p.step % 100 === 0) console.log(`  ${runId} step ${p.step} loss ${p.loss.toFixed(3)}`);
    },
  });
  try {
    const wall = seconds();
    printTable(variantsTable(r, s));
    printTable(lambdaTable(r, s));
    if (r.generation.length > 0) printTable(generationTable(r, s));
    const get = (v: CocktailVariant): { warm: RankMetrics; cold: RankMetrics } => r.variants.find((x) => x.variant === v)?.evaluation ?? (r.variants[0]?.evaluation as { warm: RankMetrics; cold: RankMetrics });
    const prompts = r.playground.sets.entropy;
    console.log(`\nexamples: general ${r.prepared.corpora.general.length}, target ${r.prepared.corpora.target.length}; unlabeled prompts warm ${prompts.warm.length}, cold ${prompts.cold.length}`);
    acceptance1(get, (m) => m.ndcg[1] ?? 0, 'NDCG@1');
    acceptance1(get, (m) => m.ndcg[3] ?? 0, 'NDCG@3');
    // Validation is the warm scenario's (the user's previous target-domain behaviour), so the
    // grid λ is compared with the warm scenario's entropy λ.
    const e = r.sweep.entropyBest;
    const gap = Math.abs(e.warm.lambda - r.sweep.gridBest.lambda);
    console.log(`acceptance 2: entropy λ (warm) ${e.warm.lambda} vs validation-grid λ ${r.sweep.gridBest.lambda} (|Δ| ${gap.toFixed(2)}, ${prompts.warm.length} prompts; cold entropy λ ${e.cold.lambda}) → ${gap <= 0.1 + 1e-9 ? 'PASS' : 'FAIL'}`);
    console.log(`wall time ${wall} (train + sweep)`);
  } finally {
    r.playground.dispose();
  }
}

await main();
