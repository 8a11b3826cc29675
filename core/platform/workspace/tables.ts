/**
 * The workspace's generic-table operations (DuckDB reads the files directly): preview for the
 * mapping step, mapped import in one transaction, and export to Parquet / RecBole files.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import type { DatasetFormat, DatasetSummary } from '../../protocol/dto';
import type { ColumnMapping, ExportResult, ImportOptions, TabularKind, TabularPreview } from '../../protocol/tabular';
import type { Db } from './db';
import { writeFolderAtomic } from '../atomicFolder';
import { monotonicIsoNow, newDatasetId } from './ids';
import { exportParquet, exportRecBole } from './tabular/exportDataset';
import { importTabular } from './tabular/importTabular';
import { previewTabular } from './tabular/preview';
import { assertTextSample } from './textCheck';
import { suggestMapping } from './tabular/suggest';
import type { TabularFile, TabularImportResult } from './tabular/types';

/** A mapped import: files, the role of their columns and the preprocessing options. */
export interface TableImportRequest {
  readonly name: string;
  readonly format: DatasetFormat;
  readonly files: readonly TabularFile[];
  readonly kind?: TabularKind;
  /** Suggested from the first file's columns when omitted. */
  readonly mapping?: ColumnMapping;
  readonly minInteractions: number;
  readonly options?: ImportOptions;
}

export async function previewTables(db: Db, files: readonly TabularFile[]): Promise<TabularPreview[]> {
  for (const f of files) await assertTextSample(f);
  return db.exclusive((c) => previewTabular(c, files));
}

async function mappingFor(db: Db, req: TableImportRequest): Promise<ColumnMapping> {
  if (req.mapping) return req.mapping;
  const [first] = await previewTables(db, req.files.slice(0, 1));
  const s = first ? suggestMapping(first.columns) : {};
  if (!s.user || !s.item || !s.timestamp) {
    const file = req.files[0]?.name ?? 'input';
    throw new RecForgeError('import', `cannot tell which columns of ${file} hold the user, item and timestamp; map them in the import wizard`, { file, expected: 'user, item and timestamp columns' });
  }
  return { ...s, user: s.user, item: s.item, timestamp: s.timestamp };
}

/** Imports atomically: a failure (or a 'fail'-policy bad row) rolls everything back. */
export async function importTables(db: Db, req: TableImportRequest): Promise<TabularImportResult> {
  const name = req.name.trim();
  if (name.length === 0) throw new RecForgeError('validation', 'dataset name is empty');
  for (const f of req.files) await assertTextSample(f);
  const mapping = await mappingFor(db, req);
  const base = { datasetId: newDatasetId(), name, format: req.format, createdAt: monotonicIsoNow(), files: req.files, mapping };
  const options = { ...req.options, minInteractions: req.minInteractions };
  return db.transaction((c) => importTabular(c, { ...base, ...(req.kind ? { kind: req.kind } : {}), options }));
}

/** Writes the dataset under `<exportsDir>/<name>-<format>-<time>/` and lists the files. */
export async function exportTables(db: Db, exportsDir: string, dataset: DatasetSummary, format: ExportResult['format']): Promise<ExportResult> {
  const safe = dataset.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || dataset.id;
  const dir = path.join(exportsDir, `${safe}-${format}-${monotonicIsoNow().replace(/[:.]/g, '-')}`);
  const written = await writeFolderAtomic(dir, (tmp) => db.exclusive((c) => (format === 'parquet' ? exportParquet(c, dataset.id, tmp) : exportRecBole(c, dataset.id, tmp, safe))));
  const names = written.map((f) => path.basename(f));
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: (await stat(path.join(dir, name))).size })));
  return { format, dir, files };
}
