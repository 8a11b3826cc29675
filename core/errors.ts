/**
 * The engine's one error type. It carries a protocol error code and, for bad input, where the
 * problem is (file, line, field, what was expected) so the UI can point at it.
 */
import type { ApiError, ErrorCode, ErrorLocation, RequestIssue } from './protocol/dto';

export class RecForgeError extends Error {
  /** The message without the location suffix (the UI formats the location itself). */
  readonly detail: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location?: ErrorLocation,
    readonly issues?: readonly RequestIssue[],
  ) {
    super(location ? `${message} (${formatLocation(location)})` : message);
    this.name = 'RecForgeError';
    this.detail = message;
  }
}

/** "u.data:12 field 'timestamp': expected an integer" style location text. */
export function formatLocation(loc: ErrorLocation): string {
  const parts = [loc.line === undefined ? loc.file : `${loc.file}:${loc.line}`];
  if (loc.field !== undefined) parts.push(`field '${loc.field}'`);
  if (loc.expected !== undefined) parts.push(`expected ${loc.expected}`);
  return parts.join(', ');
}

/** Converts anything thrown into the protocol's error shape; unknown errors become 'internal'. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof RecForgeError) {
    return { code: err.code, message: err.detail, ...(err.location ? { location: err.location } : {}), ...(err.issues ? { issues: err.issues } : {}) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
