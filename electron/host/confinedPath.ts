/**
 * Paths a window's compute worker names, checked before the host touches them: only absolute
 * paths, no '..' segment, and — after resolving every symlink along the way — inside one of the
 * folders the run may use (its run folder; for reads also the model folder its job references).
 * A symlink inside the run folder pointing elsewhere therefore cannot be used to escape.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../core/errors';

function refuse(requested: string, why: string, roots: readonly string[]): RecForgeError {
  return new RecForgeError('validation', `path ${JSON.stringify(requested)} ${why}`, { file: 'compute', field: 'path', expected: `a path inside ${roots.join(' or ')}` });
}

/** True when `candidate` is `root` or lies below it (both already resolved). */
export const isInside = (root: string, candidate: string): boolean => {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The real path of `p`: its deepest existing ancestor resolved through symlinks, plus the rest as written. */
export async function realPathOf(p: string): Promise<string> {
  const rest: string[] = [];
  for (let current = p; ; current = path.dirname(current)) {
    const real = await realpath(current).catch(() => null);
    if (real !== null) return path.join(real, ...rest.reverse());
    if (path.dirname(current) === current) return p;
    rest.push(path.basename(current));
  }
}

/**
 * `requested` resolved on this machine when it lies inside one of `roots` (folders that exist or
 * not yet); a located 'validation' error otherwise.
 */
export async function confinedPath(requested: string, roots: readonly string[]): Promise<string> {
  if (requested.includes('\0')) throw refuse(requested, 'contains a NUL character', roots);
  if (!path.isAbsolute(requested)) throw refuse(requested, 'is not absolute', roots);
  if (requested.split(/[\\/]/).includes('..')) throw refuse(requested, "contains a '..' segment", roots);
  const resolved = path.resolve(requested);
  const real = await realPathOf(resolved);
  for (const root of roots) {
    const rootReal = await realPathOf(path.resolve(root));
    if (isInside(path.resolve(root), resolved) && isInside(rootReal, real)) return resolved;
  }
  throw refuse(requested, 'is outside the folders this run may use', roots);
}
