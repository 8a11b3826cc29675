/**
 * Crash-safe whole-file writes: write a temp file next to the target, fsync it, rename it over
 * the target (atomic on POSIX and NTFS), then fsync the folder so the rename itself is durable.
 * A reader therefore sees the old file or the new one, never half of it. Checkpoints also get a
 * `<file>.sha256` sidecar (sha256sum format) so corruption is detectable on load.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Atomically replaces `file` with `data`. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDir(path.dirname(file));
}

/** Makes a rename in `dir` durable. Directories cannot be opened for fsync on Windows; skipped there. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Hex SHA-256 of bytes. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hex SHA-256 of a file, streamed (checkpoints can be large). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The hashes `<file>.sha256` accepts (first field of each line); [] when there is none. */
async function sidecarHashes(file: string): Promise<string[]> {
  const text = await readFile(`${file}.sha256`, 'utf8').catch(() => null);
  return (text ?? '').split('\n').flatMap((line) => line.trim().split(/\s+/)[0] || []);
}

const sidecarText = (hashes: readonly string[], file: string): string => hashes.map((hex) => `${hex}  ${path.basename(file)}\n`).join('');

/** True when `<file>.sha256` exists and accepts the file's content. */
export async function verifyChecksum(file: string): Promise<boolean> {
  const hashes = await sidecarHashes(file);
  return hashes.length > 0 && hashes.includes(await sha256File(file));
}

/** True when `<file>.sha256` accepts `bytes` (the content already read: verified once, used as verified). */
export async function verifyChecksumOf(file: string, bytes: Uint8Array): Promise<boolean> {
  return (await sidecarHashes(file)).includes(sha256Hex(bytes));
}

/**
 * The steps of replacing `file` (by `replace`) with content hashing to `hex`, each atomic: the
 * sidecar first accepts both the new hash and the current one, then the file is replaced, then
 * the sidecar keeps only the new hash. A kill after any step leaves a file its sidecar accepts
 * (the old one or the new one), so a resume never fails on a stale sidecar. Exposed so tests can
 * stop after any step.
 */
export async function checksummedReplaceSteps(file: string, hex: string, replace: () => Promise<void>): Promise<(() => Promise<void>)[]> {
  const current = (await sidecarHashes(file))[0];
  const sidecar = `${file}.sha256`;
  return [
    () => writeFileAtomic(sidecar, sidecarText(current === undefined || current === hex ? [hex] : [hex, current], file)),
    replace,
    () => writeFileAtomic(sidecar, sidecarText([hex], file)),
  ];
}

/** The steps of an atomic write of `data` with its checksum sidecar (see checksummedReplaceSteps). */
export function checksummedWriteSteps(file: string, data: Uint8Array | string): Promise<(() => Promise<void>)[]> {
  return checksummedReplaceSteps(file, sha256Hex(data), () => writeFileAtomic(file, data));
}

/** Replaces `file` by `replace` with its checksum sidecar, crash-safely (see checksummedReplaceSteps). */
export async function replaceWithChecksum(file: string, hex: string, replace: () => Promise<void>): Promise<void> {
  for (const step of await checksummedReplaceSteps(file, hex, replace)) await step();
}

/** Atomic write with its checksum sidecar; what checkpoint writers call. Returns the hex. */
export async function writeFileAtomicWithChecksum(file: string, data: Uint8Array | string): Promise<string> {
  const hex = sha256Hex(data);
  await replaceWithChecksum(file, hex, () => writeFileAtomic(file, data));
  return hex;
}
