/**
 * MovieLens 1M: `ratings.dat` (UserID::MovieID::Rating::Timestamp) and `movies.dat`
 * (MovieID::Title::Genres, latin1 or UTF-8 as legacyText.ts decodes it, genres joined by '|').
 * users.dat is not needed.
 */
import { assertTextLine } from '../binary';
import { importError, parseIntField } from '../fields';
import { splitLines } from '../lines';
import type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from '../types';
import { withMissingItemWarning } from './missingItems';
import { movieRows, ratingRows } from './rows';

/** ratings.dat is required; movies.dat adds titles and genres. */
export interface MovieLens1mSources {
  readonly ratings: TextSource;
  readonly movies?: TextSource;
}

/** Parses an ml-1m folder: interactions in file order, items keyed by MovieID. */
export async function parseMovieLens1m(src: MovieLens1mSources): Promise<ParsedDataset> {
  const items = src.movies ? await parseMovieLens1mMovies(src.movies) : new Map<string, ItemInfo>();
  const ds = { interactions: await parseMovieLens1mRatings(src.ratings), items };
  return src.movies ? withMissingItemWarning(ds, { ratings: src.ratings.name, items: src.movies.name }) : ds;
}

/** Yields the '::'-separated cells of each non-blank line, checking the field count. */
async function* datRows(src: TextSource, names: readonly string[]): AsyncGenerator<{ cells: string[]; line: number }> {
  for await (const { text, line } of splitLines(src.chunks)) {
    assertTextLine(text, src.name, line);
    if (text.trim() === '') continue;
    const cells = text.split('::');
    if (cells.length !== names.length) {
      importError(`expected ${names.length} '::'-separated fields, found ${cells.length}`, { file: src.name, line }, names.join('::'));
    }
    yield { cells, line };
  }
}

/** ratings.dat: integer ids, integer rating 1..5, Unix seconds. */
export function parseMovieLens1mRatings(src: TextSource): Promise<RawInteraction[]> {
  const columns = ['UserID', 'MovieID', 'Rating', 'Timestamp'] as const;
  return ratingRows(src, datRows(src, columns), columns, (cell, at) => {
    const rating = parseIntField(cell, at);
    if (rating < 1 || rating > 5) importError(`rating ${rating} out of range`, at, 'an integer 1..5');
    return rating;
  });
}

/** movies.dat: MovieID::Title::Genres; a repeated MovieID is an error. */
export function parseMovieLens1mMovies(src: TextSource): Promise<Map<string, ItemInfo>> {
  return movieRows(src, datRows(src, ['MovieID', 'Title', 'Genres']), 'MovieID');
}
