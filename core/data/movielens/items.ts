/**
 * MovieLens-100k u.item: "id|title|release date|video date|url|19 genre flags" (latin1 text, or
 * UTF-8 in re-saved copies; see legacyText.ts). Genres are the names of the flags set to 1.
 */
import { assertTextLine } from '../binary';
import { importError, parseIntIdField } from '../fields';
import { splitLines } from '../lines';
import type { ItemInfo, TextSource } from '../types';

const LEADING = 5; // id, title, release date, video date, url

/** Parses u.item into item metadata keyed by raw id; `genreNames` gives the flag order. */
export async function parseMovieLensItems(src: TextSource, genreNames: readonly string[]): Promise<Map<string, ItemInfo>> {
  const items = new Map<string, ItemInfo>();
  const width = LEADING + genreNames.length;
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    const parts = text.split('|');
    if (parts.length !== width) {
      importError(`expected ${width} '|'-separated fields, found ${parts.length}`, { file: src.name, line }, `id|title|release|video|url|${genreNames.length} genre flags`);
    }
    const id = parseIntIdField(parts[0] ?? '', { file: src.name, line, field: 'id' });
    if (items.has(id)) importError(`duplicate item id ${id}`, { file: src.name, line, field: 'id' }, 'unique item ids');
    items.set(id, { title: (parts[1] ?? '').trim(), genres: readFlags(parts.slice(LEADING), genreNames, src.name, line) });
  }
  // u.item is required: without rows every movie would silently lose its title and genres.
  if (items.size === 0) importError('no item rows', { file: src.name }, `one line per movie: id|title|release|video|url|${genreNames.length} genre flags`);
  return items;
}

function readFlags(flags: readonly string[], names: readonly string[], file: string, line: number): string[] {
  const genres: string[] = [];
  flags.forEach((flag, k) => {
    const name = names[k] ?? `genre${k}`;
    const v = flag.trim();
    if (v !== '0' && v !== '1') importError(`genre flag '${v}' is not 0 or 1`, { file, line, field: name }, '0 or 1');
    if (v === '1') genres.push(name);
  });
  return genres;
}
