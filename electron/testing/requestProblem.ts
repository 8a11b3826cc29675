/** For validation tests: the message a request is refused with (fails the test when it is accepted). */
import { RecForgeError } from '../../core/errors';
import { validateRequest } from '../host/validate';

export function requestProblem(channel: string, payload: unknown): string {
  try {
    validateRequest(channel, payload);
  } catch (err) {
    if (err instanceof RecForgeError) return err.message;
    throw err;
  }
  throw new Error(`${channel} accepted ${JSON.stringify(payload)}`);
}
