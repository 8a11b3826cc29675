/**
 * Per-stage wall time of an import, printed to stderr when RECFORGE_IMPORT_TIMING is set (the
 * import bench sets it). Off by default: the app should not write to stderr on every import.
 * Each line also shows the process RSS and DuckDB's buffer memory and spilled bytes, since a
 * stage that spills to temp_directory is usually the reason it is slow.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { num, query } from '../db';

const MiB = 1024 * 1024;

function enabled(): boolean {
  const v = process.env['RECFORGE_IMPORT_TIMING'];
  return v !== undefined && v !== '' && v !== '0';
}

async function memory(c: DuckDBConnection): Promise<string> {
  const [r] = await query(c, 'SELECT sum(memory_usage_bytes) AS mem, sum(temporary_storage_bytes) AS spilled FROM duckdb_memory()');
  const rss = process.memoryUsage().rss / MiB;
  return `rss ${rss.toFixed(0)} MiB, duckdb ${(num(r?.['mem']) / MiB).toFixed(0)} MiB, spilled ${(num(r?.['spilled']) / MiB).toFixed(0)} MiB`;
}

/** Runs `fn`; when timing is on, prints how long it took under `label`. */
export async function timed<T>(c: DuckDBConnection, label: string, fn: () => Promise<T>): Promise<T> {
  if (!enabled()) return fn();
  const t0 = performance.now();
  const result = await fn();
  const s = (performance.now() - t0) / 1000;
  console.error(`  [import] ${label.padEnd(12)} ${s.toFixed(2).padStart(6)} s  (${await memory(c)})`);
  return result;
}
