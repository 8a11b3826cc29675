/**
 * Shapes of the out-of-core tabular path (preview → mapping → import). The ones that cross the
 * protocol (mapping, policies, preview, skipped rows) are declared once, in core/protocol/tabular.
 */
import type { DatasetFormat, DatasetSummary } from '../../../protocol/dto';
import type { ColumnMapping, ImportOptions, SkippedRows, TabularKind } from '../../../protocol/tabular';

export type { ColumnMapping, DedupePolicy, ErrorPolicy, PreviewColumn, SkippedRows, TabularKind, TabularPreview } from '../../../protocol/tabular';

/** A file on disk plus the name shown in error locations. */
export interface TabularFile {
  readonly name: string;
  readonly path: string;
}

/** Preprocessing options; defaults mirror prepareDataset (keep-all, k = 5). */
export interface TabularOptions extends ImportOptions {
  /** k of the iterative k-core (≥ 1; 1 keeps everything). */
  readonly minInteractions: number;
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

/** The stored dataset's summary plus what was skipped. */
export interface TabularImportResult {
  readonly summary: DatasetSummary;
  readonly skipped: SkippedRows;
}
