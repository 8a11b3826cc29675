/**
 * Uploads staged by the web host live in <workspace>/uploads/<uploadId>/<name>. FileRefs are
 * resolved to real paths here; an upload id can never point outside that folder.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import type { FileRef } from '../../core/protocol/schemas';
import { assertReadable, type PathAccess } from './pathGrants';

export function uploadsDir(workspaceDir: string): string {
  return join(workspaceDir, 'uploads');
}

/** Folder for a new upload; the name is reduced to its base name. */
export async function stagedUploadPath(workspaceDir: string, uploadId: string, name: string): Promise<string> {
  const dir = join(uploadsDir(workspaceDir), uploadId);
  await mkdir(dir, { recursive: true });
  return join(dir, safeName(name));
}

function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'));
  if (!base || base === '.' || base === '..') throw new RecForgeError('validation', `invalid file name ${JSON.stringify(name)}`);
  return base;
}

/** Real paths of `refs`; a path ref must be one the caller may read (checked before it is touched). */
export async function resolveFileRefs(
  workspaceDir: string,
  refs: readonly FileRef[],
  access?: PathAccess,
): Promise<{ name: string; path: string }[]> {
  await assertReadable(access, refs.flatMap((ref) => (ref.kind === 'path' ? [ref.path] : [])));
  return Promise.all(
    refs.map(async (ref) => {
      const path = ref.kind === 'path' ? ref.path : join(uploadsDir(workspaceDir), ref.uploadId, safeName(ref.name));
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        throw new RecForgeError('import', `file not found: ${ref.kind === 'path' ? ref.path : ref.name}`, {
          file: ref.kind === 'path' ? basename(ref.path) : ref.name,
          expected: 'an existing file',
        });
      }
      return { name: basename(path), path };
    }),
  );
}

/** Removes every staged upload (at host start: nothing can refer to them any more). */
export async function clearUploads(workspaceDir: string): Promise<void> {
  await rm(uploadsDir(workspaceDir), { recursive: true, force: true });
}

/** A staged upload older than this was previewed and abandoned (an import uses it within minutes). */
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/** Removes staged uploads older than `maxAgeMs` (called as a new upload starts, so abandoned ones do not pile up). */
export async function pruneStaleUploads(workspaceDir: string, maxAgeMs = STALE_UPLOAD_MS, now = Date.now()): Promise<void> {
  const root = uploadsDir(workspaceDir);
  for (const id of await readdir(root).catch(() => [] as string[])) {
    const info = await stat(join(root, id)).catch(() => null);
    if (info !== null && now - info.mtimeMs > maxAgeMs) await rm(join(root, id), { recursive: true, force: true });
  }
}

/** Removes the uploads an import used, whether it succeeded or not. */
export async function removeUploads(workspaceDir: string, refs: readonly FileRef[]): Promise<void> {
  const ids = new Set(refs.flatMap((ref) => (ref.kind === 'upload' ? [ref.uploadId] : [])));
  await Promise.all([...ids].map((id) => rm(join(uploadsDir(workspaceDir), id), { recursive: true, force: true })));
}
