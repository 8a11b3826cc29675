/** Evaluation splits defined on a dataset: how they were made and what they hold. */

export type SplitKind = 'leave-one-out' | 'temporal-ratio' | 'cold-item';

/** A split stored with its dataset (its data is recomputed from these facts, deterministically). */
export interface SplitSummary {
  readonly id: string;
  readonly datasetId: string;
  readonly kind: SplitKind;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  /** Seed of any random choice (cold items, candidates); null when none was made. */
  readonly seed: number | null;
  readonly counts: {
    readonly users: number;
    readonly trainInteractions: number;
    readonly validCases: number;
    readonly testCases: number;
    /** Cold-item split: items held out of train and validation. */
    readonly coldItems: number;
  };
  /** Sampled 1 + N candidate sets of the test cases, when asked for. */
  readonly candidates: { readonly negatives: number; readonly strategy: 'uniform' | 'popularity'; readonly seed: number } | null;
  readonly createdAt: string;
}
