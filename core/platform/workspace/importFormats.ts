/**
 * File-picking rules of the formats added after ml-100k / CSV: which files each needs, their
 * encodings, and the pure parser that reads them.
 */
import { parseAmazon } from '../../data/amazon/parse';
import type { AmazonEdition } from '../../data/amazon/editions';
import { parseMovieLens1m } from '../../data/movielens/ml1m';
import { parseMovieLensCsv } from '../../data/movielens/latest';
import { legacyTextSource } from '../../data/movielens/legacyText';
import { parseRecBole } from '../../data/recbole/parse';
import type { ParsedDataset } from '../../data/types';
import { RecForgeError } from '../../errors';
import { baseName, findFile, needFile, openAll, openImportFile } from './importFiles';
import type { ImportFile, Progress } from './importFiles';

/** ml-1m: ratings.dat required, movies.dat optional (latin1, or UTF-8 in re-saved copies). */
export async function parseMovieLens1mFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const ratings = needFile(files, 'ratings.dat', 'MovieLens-1M');
  const movies = findFile(files, 'movies.dat');
  return parseMovieLens1m({
    ratings: await openImportFile(ratings, 'latin1', onProgress),
    ...(movies ? { movies: legacyTextSource(await openImportFile(movies, 'latin1', onProgress)) } : {}),
  });
}

/** ml-latest / 25M: ratings.csv required, movies.csv optional (UTF-8). */
export async function parseMovieLensCsvFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const ratings = needFile(files, 'ratings.csv', 'MovieLens CSV');
  const movies = findFile(files, 'movies.csv');
  return parseMovieLensCsv({
    ratings: await openImportFile(ratings, 'utf-8', onProgress),
    ...(movies ? { movies: await openImportFile(movies, 'utf-8', onProgress) } : {}),
  });
}

/** Amazon: files whose name contains 'meta' are metadata, the others reviews (at least one). */
export async function parseAmazonFiles(edition: AmazonEdition, files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const isMeta = (f: ImportFile): boolean => baseName(f).includes('meta');
  const reviews = files.filter((f) => !isMeta(f));
  if (reviews.length === 0) {
    throw new RecForgeError('import', `Amazon ${edition} import needs a review file besides the metadata`, { file: files[0]?.name ?? 'reviews', expected: 'a reviews JSON-lines file' });
  }
  return parseAmazon({ reviews: await openAll(reviews, 'utf-8', onProgress), meta: await openAll(files.filter(isMeta), 'utf-8', onProgress) }, edition);
}

/** RecBole: one or more .inter files (required) and .item files; other suffixes are ignored. */
export async function parseRecBoleFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const bySuffix = (s: string): ImportFile[] => files.filter((f) => baseName(f).endsWith(s));
  const inter = bySuffix('.inter');
  if (inter.length === 0) {
    const got = files.map((x) => x.name).join(', ');
    throw new RecForgeError('import', `RecBole import needs a .inter file (got: ${got})`, { file: files[0]?.name ?? '.inter', expected: 'a .inter file among the files' });
  }
  return parseRecBole({ inter: await openAll(inter, 'utf-8', onProgress), item: await openAll(bySuffix('.item'), 'utf-8', onProgress) });
}
