/**
 * JSON for stored results whose numbers may be NaN or ±Infinity (a segment or test set with no
 * cases, one class only): plain JSON would turn them into null. They travel as tagged strings.
 */

const NON_FINITE: Readonly<Record<string, number>> = { '#NaN': NaN, '#Infinity': Infinity, '#-Infinity': -Infinity };

const tagNonFinite = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? `#${String(v)}` : v);
const untagNonFinite = (_key: string, v: unknown): unknown => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v);

/** JSON text keeping NaN and ±Infinity. */
export function stringifyFinite(value: unknown): string {
  return JSON.stringify(value, tagNonFinite);
}

/** Parses stringifyFinite's text (throws SyntaxError on anything that is not JSON). */
export function parseFinite(text: string): unknown {
  return JSON.parse(text, untagNonFinite);
}
