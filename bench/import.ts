/**
 * `npm run bench -- import`: out-of-core import speed and memory. Generates a 10M-row CSV
 * (RECFORGE_BENCH_ROWS overrides the size), times a plain readline parse (split + Number, the
 * floor for any JS import) and importTabular into a fresh workspace database, and reports
 * rows/s, their ratio and peak RSS (sampled every 50 ms, and the kernel's VmHWM).
 * Targets: ≥ 500k rows/s and peak RSS ≤ 1.5 GiB on a 2-core machine.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Db, exec } from '../core/platform/workspace/db';
import { migrate } from '../core/platform/workspace/schema';
import { importTabular } from '../core/platform/workspace/tabular/importTabular';
import { configureDuckDb } from '../core/platform/workspace/tabular/settings';
import { writeBenchCsv } from './importData';

const MiB = 1024 * 1024;

/** Samples RSS every 50 ms until stopped; returns the peak in bytes. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

async function vmHwm(): Promise<string> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  return /VmHWM:\s*(.+)/.exec(status)?.[1]?.trim() ?? 'n/a';
}

/** Streams the file line by line, splitting and converting like a minimal JS importer. */
async function readlineParse(file: string): Promise<number> {
  let rows = 0;
  let checksum = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (rows++ === 0) continue;
    const [, , ts = '', rating = ''] = line.split(',');
    checksum += Number(ts) + Number(rating);
  }
  if (!Number.isFinite(checksum)) throw new Error('bad checksum');
  return rows - 1;
}

async function importIntoFreshWorkspace(dir: string, file: string): Promise<{ ms: number; peak: number; interactions: number; raw: number }> {
  await mkdir(dir, { recursive: true });
  const db = await Db.open(path.join(dir, 'recforge.duckdb'));
  try {
    await db.exclusive(async (c) => {
      await migrate(c);
      await configureDuckDb(c, { memoryLimit: '1GB', threads: 2, tempDirectory: path.join(dir, 'duckdb-tmp') });
    });
    const sampler = rssSampler();
    const t0 = performance.now();
    const mapping = { user: 'user_id', item: 'item_id', timestamp: 'timestamp', rating: 'rating' };
    const res = await db.transaction((c) => importTabular(c, { datasetId: 'ds_bench', name: 'bench', createdAt: new Date().toISOString(), files: [{ name: 'bench.csv', path: file }], mapping, options: { minInteractions: 5 } }));
    const ms = performance.now() - t0;
    await db.exclusive((c) => exec(c, 'CHECKPOINT'));
    return { ms, peak: sampler.stop(), interactions: res.summary.interactions, raw: res.summary.rawInteractions };
  } finally {
    await db.close();
  }
}

/** Runs the bench and prints its results. */
export async function benchImport(): Promise<void> {
  const rows = Number(process.env['RECFORGE_BENCH_ROWS'] ?? 10_000_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'recforge-bench-import-'));
  try {
    const file = path.join(dir, 'bench.csv');
    let t = performance.now();
    await writeBenchCsv(file, rows);
    console.log(`generated ${rows.toLocaleString()} rows (${((await stat(file)).size / MiB).toFixed(0)} MiB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const parsed = await readlineParse(file);
    const jsRate = parsed / ((performance.now() - t) / 1000);
    console.log(`readline split+Number: ${Math.round(jsRate).toLocaleString()} rows/s`);
    const r = await importIntoFreshWorkspace(path.join(dir, 'ws'), file);
    const rate = r.raw / (r.ms / 1000);
    console.log(`importTabular (5-core, ${r.interactions.toLocaleString()} of ${r.raw.toLocaleString()} kept): ${Math.round(rate).toLocaleString()} rows/s in ${(r.ms / 1000).toFixed(1)} s`);
    console.log(`ratio importTabular / readline: ${(rate / jsRate).toFixed(2)}`);
    console.log(`peak RSS during import (50 ms samples): ${(r.peak / MiB).toFixed(0)} MiB; VmHWM of the process: ${await vmHwm()}`);
    console.log(`targets: ≥ 500,000 rows/s ${rate >= 500_000 ? 'met' : 'MISSED'}; peak RSS ≤ 1536 MiB ${r.peak <= 1536 * MiB ? 'met' : 'MISSED'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
