/**
 * RecBole `.item`: item_id:token plus optional text fields. The title is the first column named
 * title / movie_title / item_title / name (else any column containing "title"); genres come from
 * genre / genres / categories / category (token_seq cells are space-separated).
 */
import { importError, parseIdField } from '../fields';
import type { ItemInfo, TextSource } from '../types';
import { atomicRows, sequence } from './atomic';
import type { AtomicColumn } from './atomic';

const TITLES = ['title', 'movie_title', 'item_title', 'name'];
const GENRES = ['genre', 'genres', 'categories', 'category'];

interface ItemColumns {
  readonly item: number;
  readonly title: number;
  readonly genres: number;
}

/** Parses a .item file into item info keyed by item_id; a repeated item_id is an error. */
export async function parseRecBoleItems(src: TextSource): Promise<Map<string, ItemInfo>> {
  let c: ItemColumns = { item: -1, title: -1, genres: -1 };
  const items = new Map<string, ItemInfo>();
  for await (const { cells, line } of atomicRows(src, (cols, line) => (c = itemColumns(cols, src.name, line)))) {
    const id = parseIdField(cells[c.item] ?? '', { file: src.name, line, field: 'item_id' });
    if (items.has(id)) importError(`duplicate item_id ${id}`, { file: src.name, line, field: 'item_id' }, 'unique item ids');
    const title = c.title < 0 ? '' : sequence(cells[c.title] ?? '').join(' ');
    items.set(id, { title, genres: c.genres < 0 ? [] : sequence(cells[c.genres] ?? '') });
  }
  return items;
}

function itemColumns(cols: readonly AtomicColumn[], file: string, line: number): ItemColumns {
  const textual = (col: AtomicColumn): boolean => col.type === 'token' || col.type === 'token_seq';
  const named = (names: readonly string[]): number => cols.findIndex((col) => names.includes(col.name) && textual(col));
  const item = cols.findIndex((col) => col.name === 'item_id');
  if (item < 0 || cols[item]?.type !== 'token') importError('missing item_id:token column', { file, line, field: 'header' }, 'an item_id:token column');
  const exact = named(TITLES);
  const title = exact >= 0 ? exact : cols.findIndex((col) => col.name.includes('title') && textual(col));
  return { item, title, genres: named(GENRES) };
}
