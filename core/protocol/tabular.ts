/**
 * The import wizard's contract for generic tables (CSV / TSV / JSON lines / Parquet): a preview
 * with detected columns and a suggested mapping, the mapping and preprocessing options the user
 * confirms, and the report of rows skipped under the 'skip' policy.
 */
import type { ApiError, DatasetSummary } from './dto';

/** File kinds DuckDB reads directly; gzip is transparent for the text kinds. */
export type TabularKind = 'csv' | 'tsv' | 'jsonl' | 'parquet';

/** Which source column plays which role. Column names are exact (case-sensitive). */
export interface ColumnMapping {
  readonly user: string;
  readonly item: string;
  readonly timestamp: string;
  readonly rating?: string;
  readonly label?: string;
  /** Becomes items.title (first non-empty value per item wins). */
  readonly title?: string;
  /** '|'-separated values become the item's genres. */
  readonly genres?: string;
  /** Further item text fields (description, category, …). */
  readonly text?: readonly string[];
  readonly domain?: string;
}

/** Duplicate (user, item) policy: keep every repeat, or only the first / last in input order. */
export type DedupePolicy = 'keep-all' | 'keep-first' | 'keep-last';

/** What happens to a bad row: abort the import, or drop it and report it. */
export type ErrorPolicy = 'fail' | 'skip';

/** Preprocessing applied at import (besides the k-core), each step recorded in the lineage. */
export interface ImportOptions {
  /** Default keep-all. */
  readonly dedupe?: DedupePolicy;
  /** Keep only rows with rating ≥ min ('filter'), or write label = rating ≥ min ('label'). */
  readonly ratingThreshold?: { readonly min: number; readonly mode: 'filter' | 'label' };
  /** Keep the most recent N interactions per user (before the k-core). */
  readonly maxHistory?: number;
  /** Default 'fail'. */
  readonly onError?: ErrorPolicy;
}

/** A detected column; `type` is DuckDB's name for it (BIGINT, VARCHAR, TIMESTAMP, …). */
export interface PreviewColumn {
  readonly name: string;
  readonly type: string;
}

/** What the mapping step shows for one file. */
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

/** Bad rows dropped under the 'skip' policy. */
export interface SkippedRows {
  readonly count: number;
  /** The first 100, in file then line order (code 'import', each with its location). */
  readonly errors: readonly ApiError[];
}

/** Files written by datasets.export (inside the workspace's exports/ folder). */
export interface ExportResult {
  readonly format: 'parquet' | 'recbole' | 'html' | 'artifact';
  /** Absolute folder holding the files. */
  readonly dir: string;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
}

/** What datasets.import returns: the stored dataset and what was skipped on the way. */
export interface ImportResult {
  readonly dataset: DatasetSummary;
  readonly skipped: SkippedRows;
  /** Problems that did not stop the import, located (e.g. rated movies the item file lacks). */
  readonly warnings: readonly ApiError[];
}
