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

/** Writes `<file>.sha256` ("<hex>  <basename>\n", as sha256sum does) atomically; returns the hex. */
export async function writeChecksum(file: string): Promise<string> {
  const hex = await sha256File(file);
  await writeFileAtomic(`${file}.sha256`, `${hex}  ${path.basename(file)}\n`);
  return hex;
}

/** True when `<file>.sha256` exists and matches the file's content. */
export async function verifyChecksum(file: string): Promise<boolean> {
  const sidecar = await readFile(`${file}.sha256`, 'utf8').catch(() => null);
  const expected = sidecar?.trim().split(/\s+/)[0];
  return expected !== undefined && expected === (await sha256File(file));
}

/** Atomic write followed by its checksum sidecar; what checkpoint writers should call. */
export async function writeFileAtomicWithChecksum(file: string, data: Uint8Array | string): Promise<string> {
  await writeFileAtomic(file, data);
  return writeChecksum(file);
}
