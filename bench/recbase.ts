/**
 * RecBase on the demo workspace (issue 6 acceptance 1 and 2): the real runner with default
 * settings, held-out domain = the last (movies). Prints the CL-VAE vs RQ-VAE table, the AUCs with
 * their protocol and the wall time, then checks the acceptance criteria. Settings may be
 * overridden with RECFORGE_RECBASE_SETTINGS='{"lmSteps": 300}' (flat settings JSON).
 * Run: `npx tsx bench/recbase.ts` (or `npm run bench -- recbase` once registered).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDemoCheck } from '../core/platform/recbase/demoCheck';
import type { DemoCheck } from '../core/platform/recbase/demoCheck';
import { parseRecBaseSettings } from '../core/recipes/recbase/settings';
import { initBackend } from '../core/tensor/backend';

function printTable(c: DemoCheck): void {
  console.log(`\n${c.table.title}`);
  console.log(c.table.columns.join(' | '));
  for (const row of c.table.rows) console.log(row.map((v) => (typeof v === 'number' ? v.toFixed(4) : String(v ?? '—'))).join(' | '));
  console.log(`(${c.table.protocol})`);
}

function acceptance(c: DemoCheck): [string, boolean][] {
  const auc = (v: string): number => c.auc[v] ?? NaN;
  return [
    ['1: CL-VAE level-1 utilisation ≥ 0.9 and above RQ-VAE', c.levelOneUtilisation.cl >= 0.9 && c.levelOneUtilisation.cl > c.levelOneUtilisation.rq],
    ['1: CL-VAE collision rate below RQ-VAE', c.collisionRate.cl < c.collisionRate.rq],
    ['2: zero-shot AUC > 0.55 and > popularity', auc('zero-shot') > 0.55 && auc('zero-shot') > auc('popularity')],
    ['2: fine-tuning raises the AUC', auc('fine-tuned') > auc('zero-shot')],
  ];
}

/** Runs the check and prints it; sets a failing exit code when a criterion does not hold. */
export async function benchRecBase(): Promise<void> {
  const backend = await initBackend({ prefer: ['wasm'] });
  console.log(`backend: ${backend.name}`);
  const settings = parseRecBaseSettings(JSON.parse(process.env.RECFORGE_RECBASE_SETTINGS ?? '{}'));
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'recbase-bench-'));
  try {
    const c = await runDemoCheck(runDir, settings, (line) => console.log(line));
    printTable(c);
    const p = c.metrics[0]?.protocol;
    console.log(`\nAUC on held-out domain '${c.heldOutDomain}' (${p?.users} test users, 1 positive + ${p?.candidates.kind === 'sampled' ? p.candidates.negatives : '?'} uniform negatives, chance 0.5):`);
    for (const m of c.metrics) console.log(`  ${(m.variant ?? '').padEnd(22)} ${m.value.toFixed(4)}`);
    console.log(`\nwall time ${c.seconds.toFixed(1)} s`);
    const checks = acceptance(c);
    for (const [what, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
    if (!checks.every(([, ok]) => ok)) process.exitCode = 1;
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchRecBase();
