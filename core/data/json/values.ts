/** Typed access to fields of decoded JSON / Python objects, with located errors. */
import { importError, parseNumberField } from '../fields';

/** Where an object sits: file and 1-based line. */
export interface LineAt {
  readonly file: string;
  readonly line: number;
}

/** A required id: a non-empty string, or an integer up to 2^53 (kept as its decimal text). */
export function idValue(obj: Readonly<Record<string, unknown>>, key: string, at: LineAt): string {
  const v = obj[key];
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  // JSON.parse has already rounded such a number (…993 → …992): two ids could merge unseen.
  if (typeof v === 'number' && Number.isInteger(v)) {
    importError(`'${key}' is a number above 2^53 (read as ${v})`, { ...at, field: key }, `a string id; the number ${v} is above 2^53 and loses digits`);
  }
  if (typeof v !== 'string' || v.trim() === '') {
    importError(v === undefined ? `missing '${key}'` : `'${key}' is not a non-empty string`, { ...at, field: key }, 'a non-empty string id');
  }
  return v.trim();
}

/** A required finite number; numeric strings such as "5.0" are accepted. */
export function numberValue(obj: Readonly<Record<string, unknown>>, key: string, at: LineAt): number {
  const v = obj[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return parseNumberField(v, { ...at, field: key });
  return importError(v === undefined ? `missing '${key}'` : `'${key}' is not a number`, { ...at, field: key }, 'a number');
}

/** An optional string (trimmed); anything that is not a string counts as absent. */
export function optionalText(obj: Readonly<Record<string, unknown>>, key: string): string {
  const v = obj[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** The non-empty strings of a value, flattening nested lists, without duplicates, in order. */
export function textList(v: unknown): string[] {
  const out = new Set<string>();
  const visit = (x: unknown, depth: number): void => {
    if (typeof x === 'string' && x.trim() !== '') out.add(x.trim());
    else if (Array.isArray(x) && depth < 8) for (const y of x) visit(y, depth + 1);
  };
  visit(v, 0);
  return [...out];
}
