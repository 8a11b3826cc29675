/** The dataset profile shown before training, as numbers and as chart series. */

/** One histogram bin covering lo ≤ n < hi. */
export interface HistogramBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** How concentrated interactions are on popular items. */
export interface PopularityProfile {
  /** Share of interactions on the top 1% / 10% / 20% of items (⌈p·items⌉ items, at least one). */
  readonly top1: number;
  readonly top10: number;
  readonly top20: number;
  /** Gini coefficient of interactions per item (0 = uniform). */
  readonly gini: number;
}

/** A point of the long-tail curve: the most popular `itemShare` of items hold `interactionShare`. */
export interface LongTailPoint {
  readonly itemShare: number;
  readonly interactionShare: number;
}

/** Interactions with start ≤ ts < end (the last bin includes its end). */
export interface TimeBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/** Items and interactions of one domain of a multi-domain dataset. */
export interface DomainCount {
  readonly domain: string;
  readonly items: number;
  readonly interactions: number;
}

/** Summary statistics of a dataset (raw or stored). */
export interface DatasetProfile {
  readonly users: number;
  /** Distinct items that occur in interactions. */
  readonly items: number;
  readonly interactions: number;
  /** Distinct (user, item) pairs / (users · items); 0 for an empty dataset. */
  readonly density: number;
  /** Users by history length (interactions per user), log2-spaced bins. */
  readonly historyLengths: readonly HistogramBin[];
  readonly popularity: PopularityProfile;
  /** Cumulative interaction share by item popularity rank (≤ 51 points, from 0 to 1). */
  readonly longTail: readonly LongTailPoint[];
  /** Smallest and largest timestamp, or null without interactions. */
  readonly timeRange: { readonly min: number; readonly max: number } | null;
  /** Interactions over time in equal-width bins. */
  readonly timeHistogram: readonly TimeBin[];
  /** Distinct (user, item) pairs that occur more than once. */
  readonly duplicatePairs: number;
  /** Interactions beyond the first of their (user, item) pair. */
  readonly duplicateInteractions: number;
  /** Interacted items with no metadata or an empty title. */
  readonly itemsMissingTitle: number;
  /** Per-domain counts; empty for single-domain data. */
  readonly domains: readonly DomainCount[];
}
