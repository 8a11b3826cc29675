/**
 * Shapes shared by the importers, the preprocessing steps and the demo generator.
 * Everything here is plain data so it can be produced by pure code and stored by core/platform.
 */
import type { ApiError } from '../protocol/dto';

/** One interaction as read from the source, before any filtering or re-indexing. */
export interface RawInteraction {
  readonly user: string;
  readonly item: string;
  /** Source timestamp (e.g. Unix seconds); only its order matters downstream. */
  readonly timestamp: number;
  readonly rating?: number;
}

/** What the source tells us about an item besides its id. */
export interface ItemInfo {
  readonly title: string;
  readonly genres: readonly string[];
  /** Domain (movies, books, …) for multi-domain sources; absent for single-domain ones. */
  readonly domain?: string;
}

/** Output of every importer and of the demo generator. */
export interface ParsedDataset {
  /** Interactions in input order (the order breaks timestamp ties later on). */
  readonly interactions: readonly RawInteraction[];
  /** Item metadata keyed by raw item id. Items may be missing here (no title known). */
  readonly items: ReadonlyMap<string, ItemInfo>;
  /** Problems that did not stop the import but the user should see (code 'import', located). */
  readonly warnings?: readonly ApiError[];
}

/**
 * A named text stream. The platform layer opens files, decompresses and decodes them; the pure
 * parsers only see text chunks with arbitrary boundaries.
 */
export interface TextSource {
  /** File name used in error locations, e.g. 'u.data'. */
  readonly name: string;
  readonly chunks: AsyncIterable<string>;
}
