/** Deterministic ordering and interning of raw (string) ids. */

const DIGITS = /^\d+$/;

/**
 * Orders raw ids: all-digit ids numerically (so "2" < "10"), before any other id; other ids by
 * UTF-16 code units. Locale-independent on purpose: the same file must map to the same indices
 * on every machine.
 */
export function compareRawIds(a: string, b: string): number {
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  } else if (an !== bn) {
    return an ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dense integer codes for string ids, by first appearance. */
export interface Interned {
  readonly codes: Int32Array;
  readonly ids: string[];
}

/** Replaces each id by a code 0..n-1 in order of first appearance. */
export function internIds(values: readonly string[]): Interned {
  const lookup = new Map<string, number>();
  const ids: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    let code = lookup.get(v);
    if (code === undefined) {
      code = ids.length;
      lookup.set(v, code);
      ids.push(v);
    }
    codes[i] = code;
  });
  return { codes, ids };
}
