/** Maps a CSV header onto the columns the interaction importer understands. */
import { importError } from '../fields';

/** Column positions; optional columns are -1 when absent. */
export interface CsvColumns {
  readonly user: number;
  readonly item: number;
  readonly timestamp: number;
  readonly rating: number;
  readonly title: number;
  readonly domain: number;
  readonly genres: number;
  readonly width: number;
}

/** Accepted spellings per column (compared after trimming and lower-casing). */
const ALIASES: Readonly<Record<Exclude<keyof CsvColumns, 'width'>, readonly string[]>> = {
  user: ['user', 'user_id', 'userid'],
  item: ['item', 'item_id', 'itemid'],
  timestamp: ['timestamp', 'ts', 'time'],
  rating: ['rating'],
  title: ['title'],
  domain: ['domain'],
  genres: ['genres'],
};

/** What a valid header must contain, for error messages. */
export const EXPECTED_HEADER = 'a header with columns user,item,timestamp (optional: rating,title,domain,genres)';

/** Resolves the header record; throws a located error naming the missing required columns. */
export function resolveHeader(fields: readonly string[], file: string, line: number): CsvColumns {
  const names = fields.map((f) => f.replace(/^\uFEFF/, '').trim().toLowerCase());
  const find = (key: keyof typeof ALIASES): number => names.findIndex((n) => ALIASES[key].includes(n));
  const cols: CsvColumns = {
    user: find('user'),
    item: find('item'),
    timestamp: find('timestamp'),
    rating: find('rating'),
    title: find('title'),
    domain: find('domain'),
    genres: find('genres'),
    width: fields.length,
  };
  const missing = (['user', 'item', 'timestamp'] as const).filter((k) => cols[k] === -1);
  if (missing.length > 0) importError(`missing column(s) ${missing.join(', ')} in header`, { file, line, field: 'header' }, EXPECTED_HEADER);
  return cols;
}
