/** MovieLens-100k genre names: parsed from u.genre, or the fixed list the dataset documents. */
import { assertTextLine } from '../binary';
import { importError, parseIntField } from '../fields';
import { splitLines } from '../lines';
import type { TextSource } from '../types';

/** The 19 genres of u.genre, in flag order (used when u.genre is not supplied). */
export const ML100K_GENRES: readonly string[] = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama',
  'Fantasy', 'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

/** Parses u.genre ("name|index" per line) into names ordered by index. */
export async function parseMovieLensGenres(src: TextSource): Promise<string[]> {
  const names: string[] = [];
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    const parts = text.split('|');
    if (parts.length !== 2) importError(`expected 2 fields, found ${parts.length}`, { file: src.name, line }, "'name|index'");
    const index = parseIntField(parts[1] ?? '', { file: src.name, line, field: 'index' });
    if (index < 0 || index > 63) importError(`genre index ${index} out of range`, { file: src.name, line, field: 'index' }, '0..63');
    names[index] = parts[0] ?? '';
  }
  return fillGaps(names);
}

// A sparse u.genre would leave holes that later become `undefined` genre names.
function fillGaps(names: string[]): string[] {
  return Array.from(names, (n, i) => n ?? `genre${i}`);
}
