/** MovieLens 1M / latest genre cells: names joined by '|'; "(no genres listed)" means none. */

const NONE = '(no genres listed)';

/** Splits a '|'-joined genre cell into trimmed, non-empty names. */
export function splitGenres(cell: string): string[] {
  const t = cell.trim();
  if (t === '' || t === NONE) return [];
  return t.split('|').map((g) => g.trim()).filter((g) => g.length > 0);
}
