/** The RecForgeError a call under test raises, for assertions on its code, message and location. */
import { RecForgeError } from '../errors';

/** What `fn` throws; the test fails when it returns, and any other error propagates. */
export function thrownRecForgeError(fn: () => unknown): RecForgeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RecForgeError) return err;
    throw err;
  }
  throw new Error('expected a RecForgeError, the call returned');
}

/** The same for a call that throws or returns a promise that rejects. */
export async function rejectedRecForgeError(run: () => unknown): Promise<RecForgeError> {
  const err = await Promise.resolve().then(run).then(() => null, (e: unknown) => e);
  if (!(err instanceof RecForgeError)) throw new Error(`expected a RecForgeError, got ${String(err)}`);
  return err;
}
