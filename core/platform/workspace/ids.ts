/** Short random ids for datasets and runs; both are safe as folder names and protocol ids. */
import { randomBytes } from 'node:crypto';
import { RecForgeError } from '../../errors';

/** The id syntax of the protocol (core/protocol/schemas.ts). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function randomBase36(bytes: number): string {
  return BigInt(`0x${randomBytes(bytes).toString('hex')}`).toString(36);
}

/** 'ds_' + ~16 random base-36 characters. */
export function newDatasetId(): string {
  return `ds_${randomBase36(10)}`;
}

/** 'run_' + a fixed-width base-36 millisecond time (so ids sort by creation) + random suffix. */
export function newRunId(now: number = Date.now()): string {
  return `run_${now.toString(36).padStart(9, '0')}_${randomBase36(5)}`;
}

/** 'model_' + ~16 random base-36 characters. */
export function newModelId(): string {
  return `model_${randomBase36(10)}`;
}

/** 'split_' + ~16 random base-36 characters. */
export function newSplitId(): string {
  return `split_${randomBase36(10)}`;
}

/** Throws a 'validation' error unless `id` matches ID_PATTERN (ids also become folder names). */
export function assertId(id: string, what: string): void {
  if (!ID_PATTERN.test(id)) throw new RecForgeError('validation', `invalid ${what} id '${id.slice(0, 80)}'`);
}

let lastStamp = 0;

/**
 * ISO-8601 UTC time that strictly increases within the process (bumped by 1 ms on collisions),
 * so "newest first" orderings by created_at never tie between two quick successive imports.
 */
export function monotonicIsoNow(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp).toISOString();
}
