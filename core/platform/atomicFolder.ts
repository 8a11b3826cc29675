/**
 * Whole-folder writes that appear all at once: the content is written into a hidden sibling
 * folder, which is renamed into place when complete (an older folder of that name is swapped out
 * and removed after). A failure, or two exports racing, never leaves a half-written folder under
 * the final name, and the previous good folder stays until the new one is complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncDir } from './atomicWrite';

/** Fills a fresh temporary folder with `fill`, then puts it at `dir`; returns what `fill` returned. */
export async function writeFolderAtomic<T>(dir: string, fill: (tmp: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(dir);
  const tag = randomBytes(6).toString('hex');
  const tmp = path.join(parent, `.${path.basename(dir)}.${tag}.tmp`);
  const old = path.join(parent, `.${path.basename(dir)}.${tag}.old`);
  await mkdir(tmp, { recursive: true });
  let filled: T;
  try {
    filled = await fill(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadOld = await rename(dir, old).then(() => true, () => false);
  await rename(tmp, dir);
  await syncDir(parent);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return filled;
}
