/**
 * The workspace's trained-stage cache on disk (core/train/lm/trainCache.ts says what a key
 * covers): `<workspace>/cache/train-stages/<sha256>.safetensors`, written atomically through the
 * same tensor-file writer as the stage checkpoints, tagged with its key. It holds at most
 * `budgetBytes`; the least recently used files go first (a hit refreshes a file's time), and a stage
 * larger than the budget is not kept. The cache only saves time: a write that fails (disk full) or
 * a damaged file costs a retraining, never a run.
 */
import { createHash } from 'node:crypto';
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainCacheInfo } from '../protocol/dto';
import type { CachedTraining, Digest, TrainCache } from '../train/lm/trainCache';
import { nodeRecipeFiles } from './recipeFiles';

/** Default size limit: a few full-weight stages of a small model, hundreds of LoRA stages. */
export const TRAIN_CACHE_BUDGET = 8 * 1024 ** 3;

const SUFFIX = '.safetensors';

function sha256Digest(): Digest {
  const h = createHash('sha256');
  return { update: (bytes) => void h.update(bytes), hex: () => h.digest('hex') };
}

/** A finished stage file, or the temp file of a write (atomicWrite's `.<name>.<hex>.tmp`) — a killed write leaves one behind. */
const isStage = (name: string): boolean => name.endsWith(SUFFIX) && !name.startsWith('.');
const isPartial = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp') && name.includes(`${SUFFIX}.`);

/** A partial file this old is an orphan: no write of a stage takes an hour. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

interface CacheFile {
  readonly path: string;
  readonly size: number;
  readonly used: number;
  readonly partial: boolean;
}

/** The cache's files (stages and partial writes) with their size and last use. */
async function cacheFiles(dir: string): Promise<CacheFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => isStage(n) || isPartial(n));
  return Promise.all(names.map(async (n) => ({ path: join(dir, n), partial: isPartial(n), ...(await stat(join(dir, n)).then((s) => ({ size: s.size, used: s.mtimeMs }), () => ({ size: 0, used: 0 }))) })));
}

/** What the cache in `dir` holds: its stages, and the bytes it takes on disk (partial writes included). */
export async function trainCacheInfo(dir: string, budgetBytes = TRAIN_CACHE_BUDGET): Promise<TrainCacheInfo> {
  const files = await cacheFiles(dir);
  return { files: files.filter((f) => !f.partial).length, bytes: files.reduce((a, f) => a + f.size, 0), budgetBytes };
}

/** Removes every stored stage and partial write (the folder stays; a save in flight then fails quietly). */
export async function clearTrainCache(dir: string, budgetBytes = TRAIN_CACHE_BUDGET): Promise<TrainCacheInfo> {
  for (const f of await cacheFiles(dir)) await rm(f.path, { force: true });
  return trainCacheInfo(dir, budgetBytes);
}

/** Removes orphaned partial writes, then the least recently used stages until the folder holds ≤ `budget` bytes; `keep` stays. */
export async function evictTrainCache(dir: string, budget: number, keep: string, now = Date.now()): Promise<void> {
  const isOrphan = (f: CacheFile): boolean => f.partial && now - f.used > ORPHAN_AGE_MS;
  const all = await cacheFiles(dir);
  for (const f of all.filter(isOrphan)) await rm(f.path, { force: true });
  const kept = all.filter((f) => !isOrphan(f));
  let total = kept.reduce((a, f) => a + f.size, 0);
  for (const f of kept.filter((k) => !k.partial).sort((a, b) => a.used - b.used)) {
    if (total <= budget) break;
    if (f.path === keep) continue;
    await rm(f.path, { force: true });
    total -= f.size;
  }
}

/** What trains in this process: its description (engine build, backend, threads) and thread count. */
export interface TrainCacheContext {
  readonly description: string;
  readonly threads: number;
}

/** The cache in `dir` for trainings in `context`. */
export function nodeTrainCache(dir: string, context: TrainCacheContext, budgetBytes = TRAIN_CACHE_BUDGET): TrainCache {
  const fileOf = (key: string): string => join(dir, `${key}${SUFFIX}`);
  return {
    context: context.description,
    threads: context.threads,
    newDigest: sha256Digest,
    async load(key) {
      // Any failure is a miss, including the file vanishing mid-read (Clear pressed during a run).
      const stored = await nodeRecipeFiles.loadTensors(fileOf(key), key).catch(() => null);
      if (stored === null) return null;
      let finalLoss: number | null;
      try {
        finalLoss = (JSON.parse(stored.note || '{}') as { finalLoss?: number | null }).finalLoss ?? null;
      } catch {
        for (const t of stored.tensors.values()) t.dispose();
        return null;
      }
      const now = new Date();
      await utimes(fileOf(key), now, now).catch(() => undefined);
      return { tensors: stored.tensors, finalLoss };
    },
    async save(key, trained: CachedTraining) {
      // A stage larger than the whole budget (full weights of a big model) would evict everything and still overflow: not kept.
      const bytes = [...trained.tensors.values()].reduce((a, t) => a + 4 * t.size, 0);
      if (bytes > budgetBytes) return;
      try {
        await nodeRecipeFiles.saveTensors(fileOf(key), trained.tensors, key, JSON.stringify({ finalLoss: trained.finalLoss }));
        await evictTrainCache(dir, budgetBytes, fileOf(key));
      } catch {
        // Best effort: the run has its tensors; without the file the next run trains this stage again.
      }
    },
  };
}
