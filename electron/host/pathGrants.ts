/**
 * Which local paths a connection may name. A dataset file or model folder is read wherever the
 * user keeps it, so the host cannot confine those reads to the workspace. In Electron, the page
 * is the least trusted part of the app: a compromised renderer that could name any path would
 * read the user's files through datasets.preview. So a window reads only what its user handed
 * over (a drop, a folder picked in the native dialog, a typed path confirmed natively); the
 * grants live in the main process. The web host's client and the CLI are the local user already
 * (the per-launch token), so their callers carry no grants and name paths freely.
 */
import { RecForgeError } from '../../core/errors';
import { isInside, realPathOf } from './confinedPath';

/** A connection's access to paths outside the workspace. */
export interface PathAccess {
  /** Resolves when `path` may be read; throws a located validation error otherwise. */
  check(path: string): Promise<void>;
}

/**
 * Files and folders handed over by the user; a folder covers everything inside it. Paths are
 * kept and compared resolved through symlinks, so a granted folder cannot be left through one.
 */
export class GrantedPaths {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  async grantFile(path: string): Promise<void> {
    this.files.add(await realPathOf(path));
  }

  async grantFolder(path: string): Promise<void> {
    this.folders.add(await realPathOf(path));
  }

  async covers(path: string): Promise<boolean> {
    return this.holds(await realPathOf(path));
  }

  /** Whether the grants cover `real`, a path already resolved with realPathOf. */
  holds(real: string): boolean {
    if (this.files.has(real)) return true;
    for (const root of this.folders) if (isInside(root, real)) return true;
    return false;
  }
}

/** The error for a path the user has not handed over. */
export function notGranted(path: string): RecForgeError {
  return new RecForgeError('validation', `RecForge was not given access to ${path}`, {
    file: path,
    field: 'path',
    expected: 'a file dropped on the window, or a folder chosen with Browse… (or confirmed when asked)',
  });
}

/** Checks each path against the caller's access; a caller without one is the local user. */
export async function assertReadable(access: PathAccess | undefined, paths: readonly string[]): Promise<void> {
  if (access === undefined) return;
  for (const path of paths) await access.check(path);
}

/**
 * A window's access: its grants, else the user's answer to a native question (a typed path).
 * Each path is asked about once per window, and the answer is kept: a page cannot flood the user
 * with dialogs, and concurrent requests share one question.
 */
export function windowPathAccess(grants: GrantedPaths, askUser: (path: string) => Promise<boolean>): PathAccess {
  const answers = new Map<string, Promise<boolean>>();
  const answer = (real: string): Promise<boolean> => {
    const asked = answers.get(real) ?? askUser(real).catch(() => false);
    answers.set(real, asked);
    return asked;
  };
  return {
    async check(path) {
      const real = await realPathOf(path);
      if (grants.holds(real)) return;
      if (await answer(real)) return grants.grantFolder(real);
      throw notGranted(path);
    },
  };
}
