/**
 * Field names of the three Amazon Reviews releases (McAuley et al.): 2014 and 2018 key items by
 * `asin` with times in seconds; 2023 keys them by `parent_asin` with times in milliseconds.
 * 2014 metadata lines are Python dict literals, the others real JSON.
 */
import type { LineSyntax } from '../json/lines';

/** The Amazon Reviews release a file comes from. */
export type AmazonEdition = '2014' | '2018' | '2023';

/** Where the interaction fields sit in a review line. */
export interface ReviewFields {
  readonly user: string;
  readonly item: string;
  readonly rating: string;
  readonly time: string;
  /** Divides the time by this to get seconds (1000 for millisecond timestamps). */
  readonly timeDivisor: number;
}

/** Where the item fields sit in a metadata line. */
export interface MetaFields {
  readonly syntax: LineSyntax;
  readonly item: string;
  readonly title: string;
  /** Category list (possibly nested, as 2014's list of category paths). */
  readonly categories: string;
  /** Single top-level category used when the list is empty; '' when the release has none. */
  readonly mainCategory: string;
}

const REVIEWS_ASIN: ReviewFields = { user: 'reviewerID', item: 'asin', rating: 'overall', time: 'unixReviewTime', timeDivisor: 1 };

/** Review fields per release. */
export const REVIEW_FIELDS: Readonly<Record<AmazonEdition, ReviewFields>> = {
  '2014': REVIEWS_ASIN,
  '2018': REVIEWS_ASIN,
  '2023': { user: 'user_id', item: 'parent_asin', rating: 'rating', time: 'timestamp', timeDivisor: 1000 },
};

/** Metadata fields per release. */
export const META_FIELDS: Readonly<Record<AmazonEdition, MetaFields>> = {
  '2014': { syntax: 'python', item: 'asin', title: 'title', categories: 'categories', mainCategory: '' },
  '2018': { syntax: 'json', item: 'asin', title: 'title', categories: 'category', mainCategory: 'main_cat' },
  '2023': { syntax: 'json', item: 'parent_asin', title: 'title', categories: 'categories', mainCategory: 'main_category' },
};
