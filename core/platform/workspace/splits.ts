/** Evaluation splits of stored datasets: computed from the interactions, stored as their facts. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sampleCandidateSets } from '../../data/splits/candidates';
import type { InteractionColumns } from '../../data/splits/columns';
import { splitBySpec, type SplitSpec } from '../../data/splits/bySpec';
import { RecForgeError } from '../../errors';
import type { SplitRequestParsed } from '../../protocol/schemas';
import type { SplitSummary } from '../../protocol/splits';
import { exec, num, query } from './db';
import type { Row } from './db';

/** The dataset's interactions as split columns (grouped by user, chronological). */
export async function loadColumns(c: DuckDBConnection, datasetId: string): Promise<InteractionColumns> {
  const reader = await c.runAndReadAll('SELECT user_idx, item_idx, ts, ord FROM interactions WHERE dataset_id = $1 ORDER BY user_idx, ord', [datasetId]);
  const [u = [], i = [], t = [], o = []] = reader.getColumnsJS() as number[][];
  return { userIdx: Int32Array.from(u), itemIdx: Int32Array.from(i), ts: Float64Array.from(t), ord: Int32Array.from(o) };
}

function specOf(req: SplitRequestParsed): SplitSpec {
  if (req.kind === 'leave-one-out') return { kind: 'leave-one-out' };
  if (req.kind === 'temporal-ratio') return { kind: 'temporal-ratio', ratios: req.ratios ?? [0.8, 0.1, 0.1] };
  return { kind: 'cold-item', fraction: req.coldFraction ?? 0.1, strategy: req.coldStrategy ?? 'newest', seed: req.seed };
}

/** Computes the split (and its test candidates) to check it and count it; returns what to store. */
export function describeSplit(cols: InteractionColumns, numItems: number, numUsers: number, req: SplitRequestParsed, id: string, createdAt: string): SplitSummary {
  const spec = specOf(req);
  const split = splitBySpec(cols, numItems, numUsers, spec);
  if (split.protocol.counts.testCases === 0) {
    throw new RecForgeError('validation', `the ${req.kind} split of this dataset has no test cases`, { file: 'split', field: 'kind', expected: 'a split that leaves test cases' });
  }
  if (req.candidates) sampleCandidateSets(split, 'test', { ...req.candidates, seed: req.seed });
  const coldItems = typeof split.protocol.params['coldItems'] === 'number' ? split.protocol.params['coldItems'] : 0;
  const usesSeed = spec.kind === 'cold-item' && spec.strategy === 'random';
  return {
    id, datasetId: req.datasetId, kind: req.kind, params: split.protocol.params,
    seed: usesSeed || req.candidates ? req.seed : null,
    counts: { ...split.protocol.counts, coldItems },
    candidates: req.candidates ? { ...req.candidates, seed: req.seed } : null,
    createdAt,
  };
}

/** The same split of the same data: kind, parameters, seed and candidates (not id or time). */
export function sameSplit(a: SplitSummary, b: SplitSummary): boolean {
  const key = (s: SplitSummary): string => JSON.stringify([s.datasetId, s.kind, Object.entries(s.params).sort(), s.seed, s.candidates]);
  return key(a) === key(b);
}

export async function insertSplit(c: DuckDBConnection, s: SplitSummary): Promise<void> {
  await exec(c, 'INSERT INTO splits VALUES ($1, $2, $3, $4::JSON, $5::BIGINT, $6::JSON, $7::JSON, $8)', [
    s.id, s.datasetId, s.kind, JSON.stringify(s.params), s.seed, JSON.stringify(s.counts), JSON.stringify(s.candidates), s.createdAt,
  ]);
}

function toSplit(r: Row): SplitSummary {
  return {
    id: String(r['id']), datasetId: String(r['dataset_id']), kind: String(r['kind']) as SplitSummary['kind'],
    params: JSON.parse(String(r['params'])) as SplitSummary['params'], seed: r['seed'] === null ? null : num(r['seed']),
    counts: JSON.parse(String(r['counts'])) as SplitSummary['counts'], candidates: JSON.parse(String(r['candidates'])) as SplitSummary['candidates'],
    createdAt: String(r['created_at']),
  };
}

/** Deletes one split of a dataset; false when the dataset has no such split. */
export async function deleteSplit(c: DuckDBConnection, datasetId: string, splitId: string): Promise<boolean> {
  return (await query(c, 'DELETE FROM splits WHERE dataset_id = $1 AND id = $2 RETURNING id', [datasetId, splitId])).length > 0;
}

export async function selectSplits(c: DuckDBConnection, datasetId: string): Promise<SplitSummary[]> {
  return (await query(c, 'SELECT * FROM splits WHERE dataset_id = $1 ORDER BY created_at DESC', [datasetId])).map(toSplit);
}
