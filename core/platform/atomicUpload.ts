/**
 * A file written in pieces that appears all at once: appends go to a hidden temp file next to the
 * target, commit checks the size, fsyncs, and renames it over the target with its .sha256 sidecar
 * kept crash-safe as checkpoints' are (replaceWithChecksum); abort — or a failed commit — removes
 * the temp file, so an upload that never finished leaves nothing behind. Used for files a window's
 * compute worker sends in chunks (a multi-hundred-MB model folder never travels as one frame).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../errors';
import { serialQueue } from '../serialQueue';
import { replaceWithChecksum, sha256File, syncDir } from './atomicWrite';

/** One upload in progress. */
export interface AtomicUpload {
  readonly target: string;
  /** Bytes appended so far. */
  readonly size: number;
  append(bytes: Uint8Array): Promise<void>;
  /** Publishes the file when exactly `expectedSize` bytes arrived; aborts (and throws) otherwise. */
  commit(expectedSize: number): Promise<void>;
  /** Drops the temp file; the target is untouched. Safe to call more than once. */
  abort(): Promise<void>;
}

/** Starts an upload to `target` (its folder is created); at most `maxBytes` may be appended. */
export async function beginAtomicUpload(target: string, maxBytes: number): Promise<AtomicUpload> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.upload`);
  let handle: FileHandle | null = await open(tmp, 'wx');
  let size = 0;
  const close = async (): Promise<void> => {
    const fh = handle;
    handle = null;
    await fh?.close();
  };
  const abort = async (): Promise<void> => {
    await close().catch(() => undefined);
    await rm(tmp, { force: true });
  };
  const fail = async (why: string, expected: string): Promise<never> => {
    await abort();
    throw new RecForgeError('validation', `upload of ${path.basename(target)}: ${why}`, { file: path.basename(target), expected });
  };
  // One operation at a time: two appends racing would both write at the same offset.
  const serial = serialQueue();
  return {
    target,
    get size() {
      return size;
    },
    append: (bytes) => serial(async () => {
      if (handle === null) return fail('already finished', 'appends before commit');
      if (size + bytes.length > maxBytes) return fail(`more than ${maxBytes} bytes`, `at most ${maxBytes} bytes`);
      await handle.write(bytes, 0, bytes.length, size);
      size += bytes.length;
    }),
    commit: (expectedSize) => serial(async () => {
      if (handle === null) return fail('already finished', 'one commit');
      if (size !== expectedSize) return fail(`${size} bytes arrived, ${expectedSize} were sent`, `${expectedSize} bytes`);
      try {
        await handle.sync();
        await close();
        await replaceWithChecksum(target, await sha256File(tmp), async () => {
          await rename(tmp, target);
          await syncDir(path.dirname(target));
        });
      } catch (err) {
        await abort();
        throw err;
      }
    }),
    abort,
  };
}
