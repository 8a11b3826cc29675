/**
 * COPY … TO a temporary name in the target folder, then rename: a crash or a failed COPY never
 * leaves a half-written file under the final name (rename is atomic within one file system).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { exec } from '../db';
import { lit } from './sql';

/** Writes the result of `select` to `file` with COPY `options` (e.g. "FORMAT parquet"). */
export async function copyAtomic(c: DuckDBConnection, select: string, file: string, options: string, params: readonly string[] = []): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await exec(c, `COPY (${select}) TO ${lit(tmp)} (${options})`, params);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
