/**
 * A first guess at the column mapping from column names, so the mapping dialog usually opens
 * filled in: names are compared case- and separator-insensitively against the spellings of the
 * common public datasets (MovieLens, Amazon 2014/2018/2023, Yelp, Goodreads, CTR logs).
 */
import type { ColumnMapping, PreviewColumn } from './types';

const ROLE_NAMES = {
  user: ['userid', 'user', 'reviewerid', 'uid', 'customerid', 'visitorid', 'memberid', 'username', 'userindex'],
  item: ['itemid', 'item', 'parentasin', 'asin', 'movieid', 'productid', 'bookid', 'businessid', 'iid', 'trackid', 'articleid', 'sku'],
  timestamp: ['timestamp', 'time', 'unixreviewtime', 'ts', 'datetime', 'date', 'eventtime', 'createdat', 'reviewtime', 'sortdate', 'unixtime'],
  rating: ['rating', 'overall', 'score', 'stars', 'rate', 'userrating'],
  label: ['label', 'click', 'clicked', 'isclick', 'like', 'target', 'y'],
  title: ['title', 'name', 'itemname', 'productname', 'movietitle', 'booktitle'],
  genres: ['genres', 'genre', 'categories', 'category', 'tags'],
  domain: ['domain', 'maincategory', 'source', 'dataset'],
} as const;

const TEXT_NAMES = ['description', 'summary', 'features', 'brand', 'details', 'overview', 'plot', 'text', 'reviewtext'];

function norm(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The first column (by list priority) whose normalised name is in `names`, not yet taken. */
function pick(cols: readonly PreviewColumn[], names: readonly string[], taken: Set<string>): string | undefined {
  for (const n of names) {
    const hit = cols.find((c) => norm(c.name) === n && !taken.has(c.name));
    if (hit) {
      taken.add(hit.name);
      return hit.name;
    }
  }
  return undefined;
}

/** Guesses roles from column names; roles it cannot place are left out. */
export function suggestMapping(cols: readonly PreviewColumn[]): Partial<ColumnMapping> {
  const taken = new Set<string>();
  const out: Record<string, string | string[]> = {};
  for (const [role, names] of Object.entries(ROLE_NAMES)) {
    const col = pick(cols, names, taken);
    if (col !== undefined) out[role] = col;
  }
  const text = cols.filter((c) => TEXT_NAMES.includes(norm(c.name)) && !taken.has(c.name)).map((c) => c.name);
  if (text.length > 0) out['text'] = text;
  return out as Partial<ColumnMapping>;
}
