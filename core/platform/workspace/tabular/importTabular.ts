/**
 * The out-of-core import: DuckDB stages the files, SQL filters and re-indexes them, and the rows
 * go straight into the workspace tables — JS holds only counts, never rows. Call inside the
 * caller's transaction (Db.transaction): any error rolls every table back.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecForgeError } from '../../../errors';
import type { LineageStep } from '../../../protocol/dto';
import { encodeIds } from './encode';
import { buildEdges, distinctPairs, kCore, kCoreNeedsEdges } from './kcore';
import { ROWS, buildRows, count, dedupeRows, limitHistory } from './rows';
import type { RowColumns } from './rows';
import { STAGE } from './stage';
import { collectItemMetadata } from './storeItems';
import { exec } from '../db';
import { schemaFeatures } from './schemaV2';
import { stageAll } from './stageAll';
import { datasetDomains, dropTemps, insertedDistinctPairs, insertMapping, insertRows, insertSummary, remapRows } from './store';
import { withSetting } from './settings';
import { timed } from './timing';
import type { ColumnMapping, SkippedRows, TabularImportRequest, TabularImportResult, TabularOptions } from './types';

/** Imports `req.files` as dataset `req.datasetId`; see TabularOptions for the steps. */
export async function importTabular(c: DuckDBConnection, req: TabularImportRequest): Promise<TabularImportResult> {
  validate(req);
  await dropTemps(c); // a tab_rows view left by an aborted import would block a tab_rows table
  // Staging needs insertion order (rowid = input position). Set it here, not only at open: an
  // import that failed after staging could not restore it inside its aborted transaction.
  await exec(c, 'SET preserve_insertion_order = true');
  const skipped = await timed(c, 'stage', () => stageAll(c, req.files, req.kind, req.mapping, req.options.onError ?? 'fail'));
  // Only staging needs insertion order (rowid = input position); later steps carry `pos`
  // explicitly and run faster without the ordering constraint.
  return withSetting(c, 'preserve_insertion_order', 'false', () => afterStaging(c, req, skipped));
}

async function afterStaging(c: DuckDBConnection, req: TabularImportRequest, skipped: SkippedRows): Promise<TabularImportResult> {
  await timed(c, 'item metadata', () => collectItemMetadata(c, req.mapping));
  await timed(c, 'encode ids', () => encodeIds(c));
  const { raw, lineage, cols, untouched, pruned, repeatedPending } = await filterRows(c, req.mapping, req.options);
  const { users, items, identity } = await timed(c, 'remap', () => remapRows(c, untouched && !pruned));
  const core = lineage.pop();
  const n = core?.after ?? 0;
  lineage.push(
    { step: 'k-core', params: { ...core?.params, users, items }, before: core?.before ?? 0, after: n },
    { step: 'remap', params: { users: '0-based by raw id', items: '1-based by raw id' }, before: n, after: n },
    { step: 'chronological-order', params: { ties: 'input order' }, before: n, after: n },
  );
  const features = await schemaFeatures(c);
  await timed(c, 'insert rows', () => insertRows(c, req.datasetId, cols, features, identity && !pruned));
  if (repeatedPending) await countRepeats(c, req.datasetId, lineage);
  if (features.datasetColumns) await insertMapping(c, req.datasetId, req.mapping);
  const summary = {
    id: req.datasetId, name: req.name, format: req.format ?? 'csv', createdAt: req.createdAt,
    users, items, interactions: n, rawInteractions: raw, domains: await datasetDomains(c, req.datasetId), lineage,
  };
  await insertSummary(c, summary);
  await dropTemps(c);
  return { summary, skipped };
}

/** The filtered rows: lineage so far, and what the remap and insert may skip. */
interface Filtered {
  readonly raw: number;
  readonly lineage: LineageStep[];
  readonly cols: RowColumns;
  /** tab_rows still holds every good staged row. */
  readonly untouched: boolean;
  /** The k-core removed rows (tab_edges holds the survivors). */
  readonly pruned: boolean;
  /** keep-all's repeated pairs are counted on the inserted rows (tab_rows is a view). */
  readonly repeatedPending: boolean;
}

/** No filter can remove a row: no threshold filter, keep-all, no history limit, and every degree ≥ k. */
async function keepsEveryRow(c: DuckDBConnection, o: TabularOptions): Promise<boolean> {
  if (o.ratingThreshold?.mode === 'filter' || (o.dedupe ?? 'keep-all') !== 'keep-all' || o.maxHistory !== undefined) return false;
  return !(await kCoreNeedsEdges(c, o.minInteractions, true));
}

/**
 * Every good row stays: tab_rows is a view over the staged join, read once by the insert (no
 * materialised copy of the interactions, no count passes); the lineage is known from the code
 * tables, except keep-all's repeat count, taken on the inserted rows.
 */
async function passthroughRows(c: DuckDBConnection, m: ColumnMapping, o: TabularOptions): Promise<Filtered> {
  const built = await timed(c, 'build rows', () => buildRows(c, m, o, 'view'));
  if (built.raw === 0) throw new RecForgeError('import', 'the source contains no interactions');
  const n = built.raw;
  const lineage: LineageStep[] = built.step ? [built.step] : [];
  lineage.push({ step: 'dedupe', params: { policy: 'keep-all', repeated: 0 }, before: n, after: n });
  lineage.push({ step: 'k-core', params: { k: o.minInteractions, rounds: 1 }, before: n, after: n });
  return { raw: n, lineage, cols: built.cols, untouched: true, pruned: false, repeatedPending: true };
}

/** Sets keep-all's repeated-pairs count from the inserted rows of dataset `id`. */
async function countRepeats(c: DuckDBConnection, id: string, lineage: LineageStep[]): Promise<void> {
  const k = lineage.findIndex((s) => s.step === 'dedupe');
  const step = lineage[k];
  if (step === undefined) return;
  const repeated = step.before - (await timed(c, 'count repeats', () => insertedDistinctPairs(c, id)));
  lineage[k] = { ...step, params: { ...step.params, repeated } };
}

/**
 * Threshold → dedupe → max history → k-core, each recorded in the lineage. The edge table is
 * built at most once, and only when the k-core may remove rows: while every good row is still
 * there, the code tables' counts are the degrees, so "nothing to remove" needs no pass.
 */
async function filterRows(c: DuckDBConnection, m: ColumnMapping, o: TabularOptions): Promise<Filtered> {
  if (await keepsEveryRow(c, o)) return passthroughRows(c, m, o);
  const lineage: LineageStep[] = [];
  const built = await timed(c, 'build rows', () => buildRows(c, m, o));
  await exec(c, `DROP TABLE ${STAGE}`); // everything later needs only tab_rows and the small per-id tables
  if (built.raw === 0) throw new RecForgeError('import', 'the source contains no interactions');
  if (built.step) lineage.push(built.step);
  const intact = async (): Promise<boolean> => (await count(c, ROWS)) === built.raw;
  const k = o.minInteractions;
  let edgesReady = false;
  // keep-all only counts repeats; the edge table doubles as that count when the k-core needs it.
  const pairs = async (): Promise<number> =>
    o.maxHistory === undefined && (await kCoreNeedsEdges(c, k, await intact())) ? ((edgesReady = true), buildEdges(c)) : distinctPairs(c);
  lineage.push(await timed(c, 'dedupe', () => dedupeRows(c, o.dedupe ?? 'keep-all', pairs)));
  const n = o.maxHistory;
  if (n !== undefined) lineage.push(await timed(c, 'max history', () => limitHistory(c, n)));
  const untouched = await intact();
  const { step: core, pruned } = await timed(c, 'k-core', () => kCore(c, k, untouched, edgesReady));
  lineage.push(core);
  if (core.after === 0) throw new RecForgeError('import', `no interactions left after ${o.minInteractions}-core filtering (of ${built.raw})`);
  return { raw: built.raw, lineage, cols: built.cols, untouched, pruned, repeatedPending: false };
}

function validate(req: TabularImportRequest): void {
  const o = req.options;
  if (req.name.trim() === '') throw new RecForgeError('validation', 'dataset name is empty');
  if (req.files.length === 0) throw new RecForgeError('validation', 'no files to import');
  if (!Number.isInteger(o.minInteractions) || o.minInteractions < 1) {
    throw new RecForgeError('validation', `minInteractions must be an integer ≥ 1 (got ${o.minInteractions})`);
  }
  if (o.maxHistory !== undefined && (!Number.isInteger(o.maxHistory) || o.maxHistory < 1)) {
    throw new RecForgeError('validation', `maxHistory must be an integer ≥ 1 (got ${o.maxHistory})`);
  }
  if (o.ratingThreshold && !Number.isFinite(o.ratingThreshold.min)) throw new RecForgeError('validation', 'rating threshold must be a finite number');
  if (o.ratingThreshold && req.mapping.rating === undefined) throw new RecForgeError('validation', 'a rating threshold needs a rating column');
}
