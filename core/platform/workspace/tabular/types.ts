/**
 * Shapes of the out-of-core tabular path (preview → mapping → import). Plain data, so the host
 * can pass them over the protocol unchanged once the wiring exists.
 */
import type { ApiError, DatasetFormat, DatasetSummary } from '../../../protocol/dto';

/** File kinds DuckDB reads for us; gzip is transparent for the text kinds. */
export type TabularKind = 'csv' | 'tsv' | 'jsonl' | 'parquet';

/** A file on disk plus the name shown in error locations. */
export interface TabularFile {
  readonly name: string;
  readonly path: string;
}

/** Which source column plays which role. Column names are exact (case-sensitive). */
export interface ColumnMapping {
  readonly user: string;
  readonly item: string;
  readonly timestamp: string;
  readonly rating?: string;
  readonly label?: string;
  /** Becomes items.title (first non-empty value per item wins). */
  readonly title?: string;
  /** '|'-separated values become items.genres. */
  readonly genres?: string;
  /** Further item text fields (description, category, …), stored by name when schema v2 exists. */
  readonly text?: readonly string[];
  readonly domain?: string;
}

/** Duplicate (user, item) policy: keep every repeat, or only the first / last in input order. */
export type DedupePolicy = 'keep-all' | 'keep-first' | 'keep-last';

/** What happens to a bad row: abort the import, or drop it and report it. */
export type ErrorPolicy = 'fail' | 'skip';

/** Preprocessing options; defaults mirror prepareDataset (keep-all, k = 5). */
export interface TabularOptions {
  /** k of the iterative k-core (≥ 1; 1 keeps everything). */
  readonly minInteractions: number;
  readonly dedupe?: DedupePolicy;
  /** Keep only rows with rating ≥ min ('filter'), or write label = rating ≥ min ('label'). */
  readonly ratingThreshold?: { readonly min: number; readonly mode: 'filter' | 'label' };
  /** Keep the most recent N interactions per user (applied before the k-core). */
  readonly maxHistory?: number;
  readonly onError?: ErrorPolicy;
}

/** Everything importTabular needs besides the connection. */
export interface TabularImportRequest {
  readonly datasetId: string;
  readonly name: string;
  /** Recorded in datasets.format; 'csv' unless the caller knows better. */
  readonly format?: DatasetFormat;
  readonly createdAt: string;
  readonly files: readonly TabularFile[];
  /** Omit to detect per file. */
  readonly kind?: TabularKind;
  readonly mapping: ColumnMapping;
  readonly options: TabularOptions;
}

/** Bad rows dropped under the 'skip' policy. */
export interface SkippedRows {
  readonly count: number;
  /** The first 100, in file then line order (code 'import', each with its location). */
  readonly errors: readonly ApiError[];
}

/** The stored dataset's summary plus what was skipped. */
export interface TabularImportResult {
  readonly summary: DatasetSummary;
  readonly skipped: SkippedRows;
}

/** A detected column. `type` is DuckDB's name for it (BIGINT, VARCHAR, TIMESTAMP, …). */
export interface PreviewColumn {
  readonly name: string;
  readonly type: string;
}

/** What the mapping dialog shows for one file. */
export interface TabularPreview {
  readonly file: string;
  readonly kind: TabularKind;
  readonly gzip: boolean;
  readonly columns: readonly PreviewColumn[];
  /** Up to 20 rows, every value as text ('' for NULL). */
  readonly rows: readonly (readonly string[])[];
  /** Exact for Parquet, extrapolated from bytes for text files. */
  readonly rowEstimate: number;
  readonly suggested: Partial<ColumnMapping>;
}
