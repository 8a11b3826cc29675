/**
 * The workspace on disk: <dir>/recforge.duckdb (datasets, interactions, items, users, runs,
 * metrics), <dir>/runs/<run-id>/ and <dir>/uploads/. All database work goes through one
 * serialised connection; every multi-row write is a single transaction.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { generateDemoDataset } from '../../data/demo/generate';
import { prepareDataset } from '../../data/preprocess/prepare';
import { RecForgeError } from '../../errors';
import type { ApiError, DatasetSummary, ImportProgress, MetricRecord, RunSummary } from '../../protocol/dto';
import type { LeaveOneOutData } from '../../protocol/worker';
import { deleteDataset, getDataset, listDatasets, loadLeaveOneOut } from './datasets';
import { Db } from './db';
import { loadRecipeSources, selectSourceNames } from './recipeSources';
import type { RecipeSource } from '../../recipes/runner';
import { assertId, monotonicIsoNow, newDatasetId, newModelId, newSplitId } from './ids';
import { deleteSplit, describeSplit, insertSplit, loadColumns, sameSplit, selectSplits } from './splits';
import { previewItemText, saveItemTemplate } from './itemText';
import { combinedSource, type UserSpace } from './combine';
import type { ItemTextPreview } from '../../protocol/itemText';
import type { SplitRequestParsed } from '../../protocol/schemas';
import type { SplitSummary } from '../../protocol/splits';
import { parseImportFiles } from './importSources';
import type { ImportFile, ParsedFormat } from './importSources';
import { appendEvents, ensureRunDir, readEvents } from './runFiles';
import { insertRun, markInterrupted, patchRun, saveMetrics, selectRuns } from './runs';
import type { RunPatch } from './runs';
import { countRows, migrate } from './schema';
import type { TABLES } from './schema';
import { insertDataset } from './storeDataset';
import { profileStoredDataset } from './profile';
import { exportTables, importTables, previewTables } from './tables';
import type { TableImportRequest } from './tables';
import type { TabularFile, TabularImportResult } from './tabular/types';

/** The bundled demo dataset's name in every workspace. */
export const DEMO_DATASET_NAME = 'Demo: movies + books + games';
import type { ExportResult, TabularPreview } from '../../protocol/tabular';
import { configureDuckDb } from './tabular/settings';
import { clashingModel, deleteModel, insertModel, modelClash, selectModels } from './models';
import type { ModelFolderInfo, RegisteredModel } from '../../protocol/models';
import type { DatasetProfile } from '../../protocol/profile';

/** What importDataset needs: files already on disk (uploads are staged by the host). */
export interface WorkspaceImportRequest {
  readonly name: string;
  readonly format: ParsedFormat;
  readonly files: readonly ImportFile[];
  /** k of the iterative k-core on users and items (5 by default in the protocol). */
  readonly minInteractions: number;
}

/** The dataset, or a not_found error. */
async function requireDataset(c: DuckDBConnection, id: string): Promise<DatasetSummary> {
  const ds = await getDataset(c, id);
  if (!ds) throw new RecForgeError('not_found', `dataset ${id} does not exist`);
  return ds;
}

/** A RecForge workspace folder. Open with Workspace.open, close with close(). */
export class Workspace {
  private constructor(
    /** Absolute path of the workspace folder. */
    readonly dir: string,
    private readonly db: Db,
  ) {}

  /** Creates or opens a workspace, migrates its schema and fails runs a previous process left active. */
  static async open(dir: string): Promise<Workspace> {
    const abs = path.resolve(dir);
    await Promise.all(['runs', 'uploads'].map((d) => mkdir(path.join(abs, d), { recursive: true })));
    const db = await Db.open(path.join(abs, 'recforge.duckdb'));
    try {
      await db.exclusive((c) => migrate(c));
      // Big imports spill to disk inside the workspace instead of growing the process.
      await db.exclusive((c) => configureDuckDb(c, { memoryLimit: '1GB', threads: 2, tempDirectory: path.join(abs, 'duckdb-tmp') }));
      const ws = new Workspace(abs, db);
      await ws.markInterruptedRuns();
      return ws;
    } catch (err) {
      await db.close();
      throw err;
    }
  }

  /** Folder for files staged by the web host before import. */
  get uploadsDir(): string {
    return path.join(this.dir, 'uploads');
  }

  /** Parses, k-cores and stores a dataset atomically: either all of it appears, or nothing changes. */
  async importDataset(req: WorkspaceImportRequest, onProgress?: (p: ImportProgress) => void): Promise<DatasetSummary> {
    return (await this.importDatasetReport(req, onProgress)).dataset;
  }

  /** importDataset, with the parser's warnings (problems that did not stop the import). */
  async importDatasetReport(req: WorkspaceImportRequest, onProgress?: (p: ImportProgress) => void): Promise<{ dataset: DatasetSummary; warnings: readonly ApiError[] }> {
    const name = req.name.trim();
    if (name.length === 0) throw new RecForgeError('validation', 'dataset name is empty');
    if (!Number.isInteger(req.minInteractions) || req.minInteractions < 1) {
      throw new RecForgeError('validation', `minInteractions must be an integer ≥ 1 (got ${req.minInteractions})`);
    }
    // Parsing and preprocessing run outside the queue: only the final write holds the connection.
    const parsed = await parseImportFiles(req.format, req.files, onProgress);
    const prepared = prepareDataset(parsed, { minInteractions: req.minInteractions });
    const meta = { id: newDatasetId(), name, format: req.format, createdAt: monotonicIsoNow() };
    const dataset = await this.db.transaction((c) => insertDataset(c, meta, prepared));
    return { dataset, warnings: parsed.warnings ?? [] };
  }

  /** A new dataset holding `datasetIds` as its domains (items namespaced, users shared or not). */
  async combineDatasets(name: string, datasetIds: readonly string[], userSpace: UserSpace): Promise<DatasetSummary> {
    // Checked in the same turn as the read: a source removed meanwhile must not become an empty domain.
    const { sources, parsed } = await this.db.exclusive(async (c) => {
      const found: DatasetSummary[] = [];
      for (const id of datasetIds) found.push(await requireDataset(c, id));
      if (new Set(found.map((s) => s.name)).size !== found.length) throw new RecForgeError('validation', 'the combined datasets need distinct names (they become the domain names)');
      return { sources: found, parsed: await combinedSource(c, found, userSpace) };
    });
    const prepared = prepareDataset(parsed, { minInteractions: 1 });
    const combine = { step: 'combine', params: { domains: sources.map((s) => s.name).join(', '), users: userSpace }, before: parsed.interactions.length, after: parsed.interactions.length };
    const meta = { id: newDatasetId(), name: name.trim(), format: 'corpus' as const, createdAt: monotonicIsoNow() };
    return this.db.transaction((c) => insertDataset(c, meta, { ...prepared, lineage: [combine, ...prepared.lineage] }));
  }

  /** Columns, first rows and a suggested mapping of generic tables. */
  previewTables(files: readonly TabularFile[]): Promise<TabularPreview[]> {
    return previewTables(this.db, files);
  }

  /** Imports generic tables through a column mapping, out of core, in one transaction. */
  importTables(req: TableImportRequest): Promise<TabularImportResult> {
    return importTables(this.db, req);
  }

  /** Writes a dataset as Parquet or RecBole atomic files under `<workspace>/exports/`. */
  async exportDataset(datasetId: string, format: ExportResult['format']): Promise<ExportResult> {
    const dataset = await this.getDataset(datasetId);
    if (!dataset) throw new RecForgeError('not_found', `dataset ${datasetId} does not exist`);
    return exportTables(this.db, path.join(this.dir, 'exports'), dataset, format);
  }

  /** Generates the deterministic multi-domain demo dataset and stores it (format 'demo'). */
  async importDemo(): Promise<DatasetSummary> {
    const prepared = prepareDataset(generateDemoDataset(), { minInteractions: 5 });
    const meta = { id: newDatasetId(), name: DEMO_DATASET_NAME, format: 'demo' as const, createdAt: monotonicIsoNow() };
    return this.db.transaction((c) => insertDataset(c, meta, prepared));
  }

  /** All datasets, newest first. */
  listDatasets(): Promise<DatasetSummary[]> {
    return this.db.exclusive((c) => listDatasets(c));
  }

  /** One dataset, or null when it does not exist. */
  getDataset(id: string): Promise<DatasetSummary | null> {
    return this.db.exclusive((c) => getDataset(c, id));
  }

  /** Deletes a dataset and its rows in one transaction (runs and metrics stay). */
  async removeDataset(id: string): Promise<void> {
    const removed = await this.db.transaction((c) => deleteDataset(c, id));
    if (!removed) throw new RecForgeError('not_found', `dataset ${id} does not exist`);
  }

  /** Profile (sizes, long tail, history lengths, time histogram, …) of a stored dataset. */
  async profileDataset(datasetId: string): Promise<DatasetProfile> {
    if (!(await this.getDataset(datasetId))) throw new RecForgeError('not_found', `dataset ${datasetId} does not exist`);
    return this.db.exclusive((c) => profileStoredDataset(c, datasetId));
  }

  /** Defines an evaluation split: computed now (to check and count it), stored as its facts. */
  async createSplit(req: SplitRequestParsed): Promise<SplitSummary> {
    // The dataset is checked with each read and write: a removal can land between them.
    const { ds, cols } = await this.db.exclusive(async (c) => ({ ds: await requireDataset(c, req.datasetId), cols: await loadColumns(c, req.datasetId) }));
    const split = describeSplit(cols, ds.items, ds.users, req, newSplitId(), monotonicIsoNow());
    return this.db.transaction(async (c) => {
      await requireDataset(c, req.datasetId);
      // Splits are deterministic: asking twice gives the one already stored, not a copy.
      const same = (await selectSplits(c, req.datasetId)).find((s) => sameSplit(s, split));
      if (same !== undefined) return same;
      await insertSplit(c, split);
      return split;
    });
  }

  /** The dataset's item text template previewed on its first items (`template` to try another). */
  itemText(datasetId: string, template?: string): Promise<ItemTextPreview> {
    return this.db.exclusive((c) => previewItemText(c, datasetId, template));
  }

  /** Saves the dataset's item text template (checked first). */
  setItemTemplate(datasetId: string, template: string): Promise<void> {
    return this.db.exclusive((c) => saveItemTemplate(c, datasetId, template));
  }

  /**
   * Deletes a split definition. Nothing else refers to a split (runs record their own protocol
   * with every metric), so removing one never changes a stored result.
   */
  async removeSplit(datasetId: string, splitId: string): Promise<void> {
    if (!(await this.db.exclusive((c) => deleteSplit(c, datasetId, splitId)))) throw new RecForgeError('not_found', `dataset ${datasetId} has no split ${splitId}`);
  }

  /** The dataset's splits, newest first. */
  listSplits(datasetId: string): Promise<SplitSummary[]> {
    return this.db.exclusive((c) => selectSplits(c, datasetId));
  }

  /** The dataset as recipes read it: one source per item domain, item texts rendered. */
  async loadRecipeSources(datasetId: string): Promise<RecipeSource[]> {
    return this.db.exclusive((c) => loadRecipeSources(c, datasetId));
  }

  /** The names of those sources (what a recipe's domain setting may name), without loading them. */
  recipeSourceNames(datasetId: string): Promise<string[]> {
    return this.db.exclusive((c) => selectSourceNames(c, datasetId));
  }

  /** The dataset's leave-one-out split (chronological by `ord`). */
  async loadLeaveOneOut(datasetId: string): Promise<LeaveOneOutData> {
    const data = await this.db.exclusive((c) => loadLeaveOneOut(c, datasetId));
    if (!data) throw new RecForgeError('not_found', `dataset ${datasetId} does not exist`);
    return data;
  }

  /** Registers an inspected model folder under a name. */
  async registerModel(name: string, info: ModelFolderInfo): Promise<RegisteredModel> {
    const model: RegisteredModel = { id: newModelId(), name: name.trim(), kind: 'hf-lm', path: info.path, createdAt: monotonicIsoNow(), info };
    await this.db.transaction(async (c) => {
      const clash = await clashingModel(c, model.name, model.path);
      if (clash !== null) throw modelClash(clash, model);
      await insertModel(c, model);
    });
    return model;
  }

  /** Registered models, newest first. */
  listModels(): Promise<RegisteredModel[]> {
    return this.db.exclusive((c) => selectModels(c));
  }

  /** Forgets a registered model (its folder is left alone). */
  async removeModel(id: string): Promise<void> {
    if (!(await this.db.exclusive((c) => deleteModel(c, id)))) throw new RecForgeError('not_found', `model ${id} is not registered`);
  }

  /** Registers a run (and any metrics it carries). */
  async createRun(summary: RunSummary): Promise<void> {
    assertId(summary.id, 'run');
    return this.db.transaction((c) => insertRun(c, summary));
  }

  /** Updates status / finishedAt / error; throws 'not_found' for an unknown run. */
  async updateRun(id: string, patch: RunPatch): Promise<void> {
    if (!(await this.db.exclusive((c) => patchRun(c, id, patch)))) throw new RecForgeError('not_found', `run ${id} does not exist`);
  }

  /** Stores metric records; a record with the same name, k and protocol replaces the old one. */
  async saveMetrics(runId: string, metrics: readonly MetricRecord[]): Promise<void> {
    return this.db.transaction((c) => saveMetrics(c, runId, metrics));
  }

  /** All runs, newest first, with their metrics. */
  listRuns(): Promise<RunSummary[]> {
    return this.db.exclusive((c) => selectRuns(c));
  }

  /** One run with its metrics, or null. */
  async getRun(id: string): Promise<RunSummary | null> {
    return (await this.db.exclusive((c) => selectRuns(c, id)))[0] ?? null;
  }

  /** `<dir>/runs/<id>`, created (synchronously) with checkpoints/ and artifacts/. */
  /** Trained LM stages shared by the workspace's runs, by content (core/platform/trainCache.ts). */
  trainCacheDir(): string {
    return path.join(this.dir, 'cache', 'train-stages');
  }

  runDir(runId: string): string {
    return ensureRunDir(path.join(this.dir, 'runs'), runId);
  }

  /** Appends JSON lines to runs/<id>/events.jsonl. */
  async appendRunEvents(runId: string, lines: readonly object[]): Promise<void> {
    return appendEvents(path.join(this.dir, 'runs'), runId, lines);
  }

  /** The run's events in order; [] when none were written. */
  async readRunEvents(runId: string): Promise<unknown[]> {
    return readEvents(path.join(this.dir, 'runs'), runId);
  }

  /** Turns runs left queued/running/evaluating by a previous process into failed 'interrupted'. */
  markInterruptedRuns(): Promise<number> {
    return this.db.exclusive((c) => markInterrupted(c, new Date().toISOString()));
  }

  /** Row count of every table (diagnostics; the atomicity tests compare these). */
  tableCounts(): Promise<Record<(typeof TABLES)[number], number>> {
    return this.db.exclusive((c) => countRows(c));
  }

  /** Waits for queued database work, then closes the database. */
  close(): Promise<void> {
    return this.db.close();
  }
}
