/**
 * DuckDB resource settings for large imports. They are per database instance, so the workspace
 * sets them once at open: a memory limit well under the app's RSS budget (DuckDB spills sorts,
 * joins and temp tables beyond it to temp_directory, inside the workspace), and a thread count
 * that leaves the UI and the training worker some CPU.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, query } from '../db';
import { lit } from './sql';

/** Resource settings; memoryLimit uses DuckDB's syntax ('1GB', '800MB'). */
export interface DuckDbResources {
  readonly memoryLimit: string;
  readonly threads: number;
  /** Spill folder; put it inside the workspace so it is on the same disk and cleaned with it. */
  readonly tempDirectory: string;
}

/** Applies the settings to the connection's database instance. */
export async function configureDuckDb(c: DuckDBConnection, r: DuckDbResources): Promise<void> {
  await exec(c, `SET memory_limit = ${lit(r.memoryLimit)}`);
  await exec(c, `SET threads = ${Math.max(1, Math.floor(r.threads))}`);
  await exec(c, `SET temp_directory = ${lit(r.tempDirectory)}`);
  // Return freed memory to the OS after each big operator (default: beyond 128 MiB), so the
  // process RSS tracks memory_limit more closely (~100 MB lower peak on a 10M-row import).
  await exec(c, "SET allocator_flush_threshold = '16MB'");
  // Insertion order is what makes the staging rowid equal the input order (timestamp ties).
  await exec(c, 'SET preserve_insertion_order = true');
}

/**
 * Runs `fn` with a DuckDB setting changed, then restores the previous value. When `fn` fails
 * inside a transaction, DuckDB has aborted it and refuses the restoring SET too: the caller then
 * gets `fn`'s error, not "transaction is aborted" (so the setting can stay changed: callers that
 * depend on it set it themselves, as importTabular does).
 */
export async function withSetting<T>(c: DuckDBConnection, name: string, value: string, fn: () => Promise<T>): Promise<T> {
  const [row] = await query(c, 'SELECT current_setting($1) AS v', [name]);
  const restore = (): Promise<void> => exec(c, `SET ${name} = ${lit(String(row?.['v']))}`);
  await exec(c, `SET ${name} = ${value}`);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await restore().catch(() => undefined);
    throw err;
  }
  await restore();
  return result;
}
