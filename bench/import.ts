/**
 * `npm run bench -- import`: out-of-core import speed and memory. Generates a 10M-row CSV
 * (RECFORGE_BENCH_ROWS overrides the size), times a plain readline parse (split + Number, the
 * floor for any JS import) and importTabular into a fresh workspace database, and reports
 * rows/s, their ratio and the importing process's peak RSS (the kernel's VmHWM).
 * Targets: ≥ 500k rows/s and peak RSS ≤ 1.5 GiB on a 2-core machine.
 * RECFORGE_IMPORT_TIMING=1 also prints each import stage's time, RSS, DuckDB memory and spill
 * (see core/platform/workspace/tabular/timing.ts); check `uptime` first: the machine has 2 cores.
 */
import { fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ImportMeasurement } from './importChild';
import { writeBenchCsv } from './importData';

const MiB = 1024 * 1024;

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

/**
 * Imports in a child process, so its peak RSS (the kernel's VmHWM) is the importer's own and not
 * what the generator and the readline pass left in this process's heap.
 */
function importInChild(dir: string, file: string): Promise<ImportMeasurement> {
  const child = fork(fileURLToPath(new URL('./importChild.ts', import.meta.url)), [dir, file], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as ImportMeasurement));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`import child exited with ${code}`))));
  });
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
    const r = await importInChild(path.join(dir, 'ws'), file);
    const rate = r.raw / (r.ms / 1000);
    console.log(`importTabular (${process.env['RECFORGE_BENCH_K'] ?? 5}-core, ${r.interactions.toLocaleString()} of ${r.raw.toLocaleString()} kept): ${Math.round(rate).toLocaleString()} rows/s in ${(r.ms / 1000).toFixed(1)} s`);
    console.log(`ratio importTabular / readline: ${(rate / jsRate).toFixed(2)}`);
    console.log(`peak RSS of the importing process (VmHWM): ${(r.peak / MiB).toFixed(0)} MiB (before the import: ${(r.baseline / MiB).toFixed(0)} MiB)`);
    console.log(`targets: ≥ 500,000 rows/s ${rate >= 500_000 ? 'met' : 'MISSED'}; peak RSS ≤ 1536 MiB ${r.peak <= 1536 * MiB ? 'met' : 'MISSED'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
