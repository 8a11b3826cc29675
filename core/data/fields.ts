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

/**
 * Validates an integer id field and returns it as canonical decimal text ('0242' → '242', as the
 * number would print). Ids are stored as strings, so no Number conversion: above 2^53 it would
 * change the digits (…993 → …992) or reject the id.
 */
export function parseIntIdField(raw: string, at: FieldAt): string {
  const s = raw.trim();
  if (!INTEGER.test(s)) importError(`'${preview(raw)}' is not an integer`, at, 'an integer');
  const negative = s.startsWith('-');
  const digits = s.slice(negative ? 1 : 0).replace(/^0+(?=\d)/, '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}

/** Parses a finite decimal number field (integers, decimals, exponents). */
export function parseNumberField(raw: string, at: FieldAt): number {
  const s = raw.trim();
  const n = Number(s);
  if (!DECIMAL.test(s) || !Number.isFinite(n)) importError(`'${preview(raw)}' is not a number`, at, 'a number');
  return n;
}

/**
 * Rejects empty ids (after trimming) and ids with line breaks; returns the trimmed id. A quoted
 * CSV field may span lines, so one stray quote would otherwise swallow the following rows into a
 * single id without any error.
 */
export function parseIdField(raw: string, at: FieldAt): string {
  const s = raw.trim();
  if (s.length === 0) importError('empty id', at, 'a non-empty id');
  if (/[\r\n]/.test(s)) importError(`id '${preview(s)}' spans several lines`, at, 'an id without line breaks (an unbalanced quote?)');
  return s;
}

/** Shortens user-provided text before it goes into an error message. */
export function preview(s: string, max = 40): string {
  const visible = s.replace(/[^\x20-\x7e]/g, '?');
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}
