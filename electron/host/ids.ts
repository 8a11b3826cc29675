import { randomBytes } from 'node:crypto';

/** Time-sortable run id: runs list in creation order even by name. */
export function newRunId(): string {
  return `run_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Unguessable per-launch token for the web host. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}
