// Path of the installed Electron binary, or null where it could not be downloaded (the npm
// package exports the binary's path, or throws when its install step was skipped).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
