/**
 * Shared by the recipe quality scripts (bench/pad.ts, bench/rellax.ts): the real datasets as the
 * studio hands them to a recipe — imported into a throw-away workspace (ml-100k read in place from
 * ../shared/data/ml-100k, 5-core; the bundled demo) and loaded as RecipeSources — and a console io
 * that prints stages, every `every`-th loss point, and the final table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Workspace } from '../core/platform/workspace';
import type { ResultTable } from '../core/protocol/recipeRun';
import type { RecipeRunEvent, RecipeRunIo, RecipeSource } from '../core/recipes/runner';
import { initBackend } from '../core/tensor/backend';

const here = fileURLToPath(new URL('.', import.meta.url));
const ML100K = resolve(here, '..', '..', 'shared', 'data', 'ml-100k');

/** The real datasets a script can use. */
export type RealDataset = 'ml-100k' | 'demo';

/** Imports `which` into a temporary workspace and gives its sources to `use`. */
export async function withRealSources<T>(which: RealDataset, use: (sources: RecipeSource[]) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `recforge-${which}-`));
  const workspace = await Workspace.open(dir);
  try {
    const files = ['u.data', 'u.item'].map((name) => ({ name, path: join(ML100K, name) }));
    const dataset = which === 'demo' ? await workspace.importDemo() : await workspace.importDataset({ name: 'ml-100k', format: 'movielens-100k', files, minInteractions: 5 });
    const sources = await workspace.loadRecipeSources(dataset.id);
    console.log(`${which}: ${sources.map((s) => `${s.name} (${s.users.length} users, ${s.items.length} items, ${s.rows.userIdx.length} rows)`).join('; ')}`);
    return await use(sources);
  } finally {
    await workspace.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Formats a ResultTable for the console (4 decimals, as the studio shows numbers). */
export function formatTable(t: ResultTable): string {
  const cell = (v: string | number | null): string => (v === null ? '—' : typeof v === 'number' ? v.toFixed(4) : v);
  const rows = [t.columns.map(String), ...t.rows.map((r) => r.map(cell))];
  const widths = t.columns.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  const lines = rows.map((r) => r.map((c, j) => c.padEnd(widths[j] ?? 0)).join('  '));
  return [t.title, ...lines, `protocol: ${t.protocol}`].join('\n');
}

/** An io that logs to the console and collects every event. */
export function consoleIo(runDir: string, every = 5): { io: RecipeRunIo; events: RecipeRunEvent[] } {
  const events: RecipeRunEvent[] = [];
  const t0 = performance.now();
  const secs = (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  let lastStage = '';
  const io: RecipeRunIo = {
    runDir,
    resume: false,
    emit: (e) => {
      events.push(e);
      if (e.kind === 'stage' && e.stage !== lastStage) console.log(`[${secs()}] stage ${(lastStage = e.stage)}`);
      if (e.kind === 'train') for (const p of e.points) if (p.step % every === 0) console.log(`[${secs()}] ${e.series} step ${p.step} loss ${p.loss.toFixed(4)}`);
      if (e.kind === 'lm' && e.event.kind === 'progress') for (const p of e.event.points) if (p.step % (every * 10) === 0) console.log(`[${secs()}] ${e.series} step ${p.step} loss ${p.loss.toFixed(4)}`);
      if (e.kind === 'table') console.log(formatTable(e.table));
    },
    isCancelled: () => false,
    yieldToEventLoop: () => Promise.resolve(),
    now: () => performance.now(),
  };
  return { io, events };
}

/** One dataset's run: true when it met its targets. */
export type RealDataRun = (which: RealDataset, domain: string, overrides: object) => Promise<boolean>;

/**
 * The scripts' entry: runs only when `envVar` = 1, reads --dataset ml-100k|demo|both, --domain and
 * --settings (JSON overrides), and sets exit code 1 when a run missed its targets.
 */
export async function realDataMain(envVar: string, what: string, run: RealDataRun): Promise<void> {
  if (process.env[envVar] !== '1') {
    console.log(`set ${envVar}=1 to run ${what} (several minutes)`);
    return;
  }
  const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'both' }, domain: { type: 'string', default: '' }, settings: { type: 'string', default: '{}' } } });
  const backend = await initBackend();
  console.log(`backend: ${backend.name} — ${backend.detail}`);
  const which: RealDataset[] = values.dataset === 'both' ? ['demo', 'ml-100k'] : [values.dataset as RealDataset];
  let pass = true;
  for (const d of which) pass = (await run(d, values.domain, JSON.parse(values.settings) as object)) && pass;
  process.exitCode = pass ? 0 : 1;
}
