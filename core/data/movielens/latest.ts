/**
 * MovieLens latest / 25M / 32M CSVs: `ratings.csv` (userId,movieId,rating,timestamp; half-star
 * ratings) and `movies.csv` (movieId,title,genres; titles quoted when they contain commas).
 */
import { csvRecords } from '../csv/tokenizer';
import type { CsvRecord } from '../csv/tokenizer';
import { importError, parseNumberField } from '../fields';
import type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from '../types';
import { withMissingItemWarning } from './missingItems';
import { movieRows, ratingRows } from './rows';

/** ratings.csv is required; movies.csv adds titles and genres. */
export interface MovieLensCsvSources {
  readonly ratings: TextSource;
  readonly movies?: TextSource;
}

/** Parses an ml-latest style folder: interactions in file order, items keyed by movieId. */
export async function parseMovieLensCsv(src: MovieLensCsvSources): Promise<ParsedDataset> {
  const items = src.movies ? await parseMovieLensCsvMovies(src.movies) : new Map<string, ItemInfo>();
  const ds = { interactions: await parseMovieLensCsvRatings(src.ratings), items };
  return src.movies ? withMissingItemWarning(ds, { ratings: src.ratings.name, items: src.movies.name }) : ds;
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
export function parseMovieLensCsvRatings(src: TextSource): Promise<RawInteraction[]> {
  const columns = ['userId', 'movieId', 'rating', 'timestamp'] as const;
  return ratingRows(src, namedRows(src, columns), columns, (cell, at) => {
    const rating = parseNumberField(cell, at);
    if (rating < 0 || rating > 5) importError(`rating ${rating} out of range`, at, 'a rating 0.5..5');
    return rating;
  });
}

/** movies.csv: movieId,title,genres; a repeated movieId is an error. */
export function parseMovieLensCsvMovies(src: TextSource): Promise<Map<string, ItemInfo>> {
  return movieRows(src, namedRows(src, ['movieId', 'title', 'genres']), 'movieId');
}
