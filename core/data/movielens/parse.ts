/** Parses a MovieLens-100k folder (u.data + u.item, optional u.genre) into a ParsedDataset. */
import { ML100K_GENRES, parseMovieLensGenres } from './genres';
import { parseMovieLensItems } from './items';
import { withMissingItemWarning } from './missingItems';
import { parseMovieLensRatings } from './ratings';
import type { ParsedDataset, TextSource } from '../types';

/** The text files of an ml-100k folder. */
export interface MovieLensSources {
  readonly data: TextSource;
  readonly item: TextSource;
  readonly genre?: TextSource;
}

/**
 * Reads the genres first (they name u.item's flags), then items, then ratings. Rated items that
 * u.item lacks are imported without metadata and reported in `warnings`.
 */
export async function parseMovieLens100k(src: MovieLensSources): Promise<ParsedDataset> {
  const genres = src.genre ? await parseMovieLensGenres(src.genre) : ML100K_GENRES;
  const items = await parseMovieLensItems(src.item, genres);
  const interactions = await parseMovieLensRatings(src.data);
  return withMissingItemWarning({ interactions, items }, { ratings: src.data.name, items: src.item.name });
}
