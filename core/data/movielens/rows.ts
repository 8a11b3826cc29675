/**
 * What MovieLens 1M (`::` files) and MovieLens latest (CSV) share once their rows are split:
 * rating rows become interactions, movie rows become items. Only the row reader, the column names
 * and the rating rule differ between releases.
 */
import type { FieldAt } from '../fields';
import { importError, parseIntField, parseIntIdField } from '../fields';
import type { ItemInfo, RawInteraction, TextSource } from '../types';
import { splitGenres } from './genreList';

/** One split row with its 1-based line number. */
export type CellRows = AsyncIterable<{ cells: string[]; line: number }>;

/** Column names in file order: user, movie, rating, timestamp. */
export type RatingColumns = readonly [string, string, string, string];

/** Parses a rating cell (throwing a located error when it is invalid). */
export type RatingParser = (cell: string, at: FieldAt) => number;

/** Rating rows → interactions in file order; ids and timestamps must be integers. */
export async function ratingRows(src: TextSource, rows: CellRows, columns: RatingColumns, rating: RatingParser): Promise<RawInteraction[]> {
  const [userCol, itemCol, ratingCol, timeCol] = columns;
  const out: RawInteraction[] = [];
  for await (const { cells, line } of rows) {
    const at = (field: string): FieldAt => ({ file: src.name, line, field });
    const [u = '', i = '', r = '', t = ''] = cells;
    const user = parseIntIdField(u, at(userCol));
    const item = parseIntIdField(i, at(itemCol));
    const value = rating(r, at(ratingCol));
    out.push({ user, item, timestamp: parseIntField(t, at(timeCol)), rating: value });
  }
  if (out.length === 0) importError('no interactions', { file: src.name }, `one row per rating: ${columns.join(', ')}`);
  return out;
}

/** Movie rows (id, title, '|'-joined genres) → items; a repeated id is an error. */
export async function movieRows(src: TextSource, rows: CellRows, idColumn: string): Promise<Map<string, ItemInfo>> {
  const items = new Map<string, ItemInfo>();
  for await (const { cells, line } of rows) {
    const [id = '', title = '', genres = ''] = cells;
    const at = { file: src.name, line, field: idColumn };
    const key = parseIntIdField(id, at);
    if (items.has(key)) importError(`duplicate ${idColumn} ${key}`, at, 'unique movie ids');
    items.set(key, { title: title.trim(), genres: splitGenres(genres) });
  }
  // A movie file given without rows is a wrong file, not "no titles known".
  if (items.size === 0) importError('no movie rows', { file: src.name }, `one row per movie: ${idColumn}, title, genres`);
  return items;
}
