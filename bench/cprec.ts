/**
 * CPRec demo check (issue 5, acceptance 3): the bundled demo workspace (600 users; books, games,
 * movies), a from-scratch LM, target = movies, default settings (override any with a JSON
 * argument: `npx tsx bench/cprec.ts '{"steps": 600}'`). Prints the WSA plan (phase starts, data
 * source, lr), the data switch, next-item ranking before/after pre-training on all, warm and cold
 * targets with chance, and the wall time.
 */
import { initBackend } from '../core/tensor/backend';
import * as tf from '@tensorflow/tfjs';
import { printTable } from '../electron/cli/printRun';
import { scratchModelOf } from '../core/recipes/llm/modelSource';
import { cprecResultsTable, cprecScheduleTable } from '../core/recipes/cprec/report';
import { runCprec } from '../core/recipes/cprec/runCprec';
import { parseCprecSettings } from '../core/recipes/cprec/settings';
import { demoSources } from '../core/recipes/llm/testData';

async function main(): Promise<void> {
  await initBackend({ prefer: ['wasm'] });
  const s = parseCprecSettings({ targetDomain: 'movies', ...(JSON.parse(process.argv[2] ?? '{}') as object) });
  const t0 = performance.now();
  const r = await runCprec({ sources: demoSources(600), model: scratchModelOf(s) }, s, {
    emit: (_id, e) => {
      if (e.kind === 'phaseChange') console.log(`step ${e.step}: ${e.from ?? 'start'} → ${e.to} (source ${e.source})`);
      if (e.kind === 'progress') for (const p of e.points) if (p.step % 50 === 0) console.log(`  step ${p.step} ${p.phase} loss ${p.loss.toFixed(3)} lr ${p.lr.toExponential(2)}`);
    },
  });
  try {
    const wall = ((performance.now() - t0) / 1000).toFixed(0);
    printTable(cprecScheduleTable(r, s));
    printTable(cprecResultsTable(r, s));
    console.log(`\nwall time ${wall} s`);
  } finally {
    tf.dispose([...r.weights.values()]);
  }
}

await main();
