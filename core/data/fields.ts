/**
 * Field-level validation shared by the importers. Every failure is a RecForgeError('import')
 * that names the file, the 1-based line, the field and what was expected.
 */
import { RecForgeError } from '../errors';

/** Where a field sits, for error messages. */
export interface FieldAt {
  readonly file: string;
  readonly line: number;
  readonly field: string;
}

/** Throws a located import error. */
export function importError(message: string, at: FieldAt | { file: string; line?: number }, expected: string): never {
  throw new RecForgeError('import', message, { ...at, expected });
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Parses a base-10 integer field, rejecting anything else (no silent truncation of '3.5' or '3x'). */
export function parseIntField(raw: string, at: FieldAt): number {
  const s = raw.trim();
  const n = Number(s);
  if (!INTEGER.test(s) || !Number.isSafeInteger(n)) importError(`'${preview(raw)}' is not an integer`, at, 'an integer');
  return n;
}

/** Parses a finite decimal number field (integers, decimals, exponents). */
export function parseNumberField(raw: string, at: FieldAt): number {
  const s = raw.trim();
  const n = Number(s);
  if (!DECIMAL.test(s) || !Number.isFinite(n)) importError(`'${preview(raw)}' is not a number`, at, 'a number');
  return n;
}

/** Rejects empty ids (after trimming); returns the trimmed id. */
export function parseIdField(raw: string, at: FieldAt): string {
  const s = raw.trim();
  if (s.length === 0) importError('empty id', at, 'a non-empty id');
  return s;
}

/** Shortens user-provided text before it goes into an error message. */
export function preview(s: string, max = 40): string {
  const visible = s.replace(/[^\x20-\x7e]/g, '?');
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
