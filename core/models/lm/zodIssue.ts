/** Turns the first zod issue into a located RecForgeError (shared by the LM and LoRA config parsers). */
import type { z } from 'zod';
import { RecForgeError } from '../../errors';
import type { ErrorCode } from '../../protocol/dto';

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return String(issue.expected);
    case 'too_small':
      return `a value >= ${String(issue.minimum)}`;
    case 'too_big':
      return `a value <= ${String(issue.maximum)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** RecForgeError(code) for the first issue of a failed safeParse, located at `file` and the issue's path. */
export function zodError(code: ErrorCode, what: string, file: string, error: z.ZodError): RecForgeError {
  const issue = error.issues[0];
  if (issue === undefined) return new RecForgeError(code, `invalid ${what}`, { file });
  const field = issue.path.map(String).join('.');
  const expected = describe(issue);
  return new RecForgeError(code, `invalid ${what}: ${issue.message}`, field === '' ? { file, expected } : { file, field, expected });
}
