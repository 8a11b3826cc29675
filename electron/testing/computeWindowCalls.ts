/** Helpers of host tests that script a window compute host: unwrap results, wait for what the host sends. */
import type { ComputeRequest } from '../../core/protocol/compute';
import type { ApiResult } from '../../core/protocol/dto';
import type { FakeCaller } from './fakeCaller';

/** The value of a successful call; a failed one throws with its code and message. */
export function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Polls until `probe` returns a value (events may have fired before a listener could subscribe). */
export async function until<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The `seen`-th compute.onRequest the connection received, once it arrives. */
export const nextRequest = (caller: FakeCaller, seen: number): Promise<ComputeRequest> => until(() => caller.payloads('compute.onRequest')[seen], 'compute.onRequest');
