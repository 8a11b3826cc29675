/**
 * MovieLens latest / 25M / 32M CSVs: `ratings.csv` (userId,movieId,rating,timestamp; half-star
 * ratings) and `movies.csv` (movieId,title,genres; titles quoted when they contain commas).
 */
import { csvRecords } from '../csv/tokenizer';
import type { CsvRecord } from '../csv/tokenizer';
import { importError, parseIntField, parseNumberField } from '../fields';
import type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from '../types';
import { splitGenres } from './genreList';

/** ratings.csv is required; movies.csv adds titles and genres. */
export interface MovieLensCsvSources {
  readonly ratings: TextSource;
  readonly movies?: TextSource;
}

/** Parses an ml-latest style folder: interactions in file order, items keyed by movieId. */
export async function parseMovieLensCsv(src: MovieLensCsvSources): Promise<ParsedDataset> {
  const items = src.movies ? await parseMovieLensCsvMovies(src.movies) : new Map<string, ItemInfo>();
  return { interactions: await parseMovieLensCsvRatings(src.ratings), items };
}

/** Yields data records as cells ordered like `names`, after checking the header has them all. */
async function* namedRows(src: TextSource, names: readonly string[]): AsyncGenerator<{ cells: string[]; line: number }> {
  let order: number[] | null = null;
  let width = 0;
  for await (const rec of csvRecords(src)) {
    if (order === null) {
      order = headerOrder(rec, names, src.name);
      width = rec.fields.length;
      continue;
    }
    if (rec.fields.length !== width) {
      importError(`expected ${width} fields, found ${rec.fields.length}`, { file: src.name, line: rec.line }, names.join(','));
    }
    yield { cells: order.map((k) => rec.fields[k] ?? ''), line: rec.line };
  }
  if (order === null) importError('empty file', { file: src.name, line: 1, field: 'header' }, `a header ${names.join(',')}`);
}

function headerOrder(rec: CsvRecord, names: readonly string[], file: string): number[] {
  const seen = rec.fields.map((f) => f.replace(/^\uFEFF/, '').trim().toLowerCase());
  const order = names.map((n) => seen.indexOf(n.toLowerCase()));
  const missing = names.filter((_, k) => order[k] === -1);
  if (missing.length > 0) importError(`missing column(s) ${missing.join(', ')}`, { file, line: rec.line, field: 'header' }, `a header ${names.join(',')}`);
  return order;
}

/** ratings.csv: integer ids, rating 0.5..5, Unix seconds. */
export async function parseMovieLensCsvRatings(src: TextSource): Promise<RawInteraction[]> {
  const out: RawInteraction[] = [];
  for await (const { cells, line } of namedRows(src, ['userId', 'movieId', 'rating', 'timestamp'])) {
    const at = (field: string) => ({ file: src.name, line, field });
    const [u = '', i = '', r = '', t = ''] = cells;
    const user = String(parseIntField(u, at('userId')));
    const item = String(parseIntField(i, at('movieId')));
    const rating = parseNumberField(r, at('rating'));
    if (rating < 0 || rating > 5) importError(`rating ${rating} out of range`, at('rating'), 'a rating 0.5..5');
    out.push({ user, item, timestamp: parseIntField(t, at('timestamp')), rating });
  }
  return out;
}

/** movies.csv: movieId,title,genres; a repeated movieId is an error. */
export async function parseMovieLensCsvMovies(src: TextSource): Promise<Map<string, ItemInfo>> {
  const items = new Map<string, ItemInfo>();
  for await (const { cells, line } of namedRows(src, ['movieId', 'title', 'genres'])) {
    const [id = '', title = '', genres = ''] = cells;
    const key = String(parseIntField(id, { file: src.name, line, field: 'movieId' }));
    if (items.has(key)) importError(`duplicate movieId ${key}`, { file: src.name, line, field: 'movieId' }, 'unique movie ids');
    items.set(key, { title: title.trim(), genres: splitGenres(genres) });
  }
  return items;
}
