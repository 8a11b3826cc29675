/**
 * Child process of the import bench: imports argv[3] into a fresh workspace at argv[2] and sends
 * its timing and the process's peak RSS (VmHWM) to the parent.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Db, exec } from '../core/platform/workspace/db';
import { migrate } from '../core/platform/workspace/schema';
import { importTabular } from '../core/platform/workspace/tabular/importTabular';
import { configureDuckDb } from '../core/platform/workspace/tabular/settings';

export interface ImportMeasurement {
  readonly ms: number;
  /** Peak resident set of this process, bytes. */
  readonly peak: number;
  /** Resident set right before the import started, bytes. */
  readonly baseline: number;
  readonly interactions: number;
  readonly raw: number;
}

async function peakRss(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = Number(/VmHWM:\s*(\d+)\s*kB/.exec(status)?.[1]);
  return Number.isFinite(kb) ? kb * 1024 : process.memoryUsage().rss;
}

async function importIntoFreshWorkspace(dir: string, file: string): Promise<ImportMeasurement> {
  await mkdir(dir, { recursive: true });
  const db = await Db.open(path.join(dir, 'recforge.duckdb'));
  try {
    await db.exclusive(async (c) => {
      await migrate(c);
      await configureDuckDb(c, { memoryLimit: '1GB', threads: 2, tempDirectory: path.join(dir, 'duckdb-tmp') });
    });
    const baseline = process.memoryUsage().rss;
    const t0 = performance.now();
    const mapping = { user: 'user_id', item: 'item_id', timestamp: 'timestamp', rating: 'rating' };
    const res = await db.transaction((c) => importTabular(c, {
      datasetId: 'ds_bench', name: 'bench', createdAt: new Date().toISOString(),
      // RECFORGE_BENCH_K > 20 makes the k-core prune (edge table, prune passes, renumbering).
      files: [{ name: 'bench.csv', path: file }], mapping, options: { minInteractions: Number(process.env['RECFORGE_BENCH_K'] ?? 5) },
    }));
    const ms = performance.now() - t0;
    await db.exclusive((c) => exec(c, 'CHECKPOINT'));
    return { ms, peak: await peakRss(), baseline, interactions: res.summary.interactions, raw: res.summary.rawInteractions };
  } finally {
    await db.close();
  }
}

const [dir, file] = process.argv.slice(2);
if (dir === undefined || file === undefined || !process.send) throw new Error('usage: forked by bench/import.ts with <dir> <file>');
const result = await importIntoFreshWorkspace(dir, file);
process.send(result, () => process.exit(0));
