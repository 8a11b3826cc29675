/**
 * The profile of a stored dataset, aggregated in DuckDB: only per-user and per-item counts (and a
 * few scalars) reach JS, so profiling a 10M-row dataset never materialises its rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { assembleProfile } from '../../data/profile';
import { TIME_BINS } from '../../data/profileStats';
import type { DatasetProfile, DomainCount } from '../../protocol/profile';
import { num, query } from './db';

async function countColumn(c: DuckDBConnection, sql: string, id: string): Promise<Int32Array> {
  const reader = await c.runAndReadAll(sql, [id]);
  const [col = []] = reader.getColumnsJS() as unknown[][];
  return Int32Array.from(col, (v) => num(v));
}

async function pairStats(c: DuckDBConnection, id: string): Promise<{ distinct: number; duplicatePairs: number; duplicateInteractions: number }> {
  const [r] = await query(c, `
    SELECT count(*) AS distinct_pairs, count(*) FILTER (WHERE n > 1) AS dup_pairs, coalesce(sum(n - 1), 0) AS dup_rows
    FROM (SELECT count(*) AS n FROM interactions WHERE dataset_id = $1 GROUP BY user_idx, item_idx)`, [id]);
  return { distinct: num(r?.['distinct_pairs']), duplicatePairs: num(r?.['dup_pairs']), duplicateInteractions: num(r?.['dup_rows']) };
}

async function timeStats(c: DuckDBConnection, id: string): Promise<{ range: { min: number; max: number } | null; bins: number[] }> {
  const [r] = await query(c, 'SELECT min(ts) AS lo, max(ts) AS hi FROM interactions WHERE dataset_id = $1', [id]);
  if (r?.['lo'] === null || r?.['lo'] === undefined) return { range: null, bins: [] };
  const min = Number(r['lo']);
  const max = Number(r['hi']);
  const bins = new Array<number>(TIME_BINS).fill(0);
  // Same formula as timeBinIndex: least(bins − 1, floor((ts − min) / (max − min) · bins)).
  const rows = await query(c, `
    SELECT CASE WHEN $3 <= $2 THEN 0 ELSE least(${TIME_BINS - 1}, floor((ts - $2) / ($3 - $2) * ${TIME_BINS}))::INTEGER END AS b, count(*) AS n
    FROM interactions WHERE dataset_id = $1 GROUP BY b`, [id, min, max]);
  for (const row of rows) bins[num(row['b'])] = num(row['n']);
  return { range: { min, max }, bins };
}

async function domainCounts(c: DuckDBConnection, id: string): Promise<DomainCount[]> {
  const rows = await query(c, `
    SELECT it.domain AS domain, count(DISTINCT x.item_idx) AS items, count(*) AS n
    FROM interactions x JOIN items it ON it.dataset_id = x.dataset_id AND it.item_idx = x.item_idx
    WHERE x.dataset_id = $1 AND it.domain IS NOT NULL GROUP BY it.domain ORDER BY it.domain`, [id]);
  return rows.map((r) => ({ domain: String(r['domain']), items: num(r['items']), interactions: num(r['n']) }));
}

async function itemsMissingTitle(c: DuckDBConnection, id: string): Promise<number> {
  const [r] = await query(c, `
    SELECT count(*) AS n FROM items it
    WHERE it.dataset_id = $1 AND coalesce(it.title, '') = ''
      AND EXISTS (SELECT 1 FROM interactions x WHERE x.dataset_id = it.dataset_id AND x.item_idx = it.item_idx)`, [id]);
  return num(r?.['n']);
}

/** Profile of a stored dataset (call through Db.exclusive). */
export async function profileStoredDataset(c: DuckDBConnection, id: string): Promise<DatasetProfile> {
  const userCounts = await countColumn(c, 'SELECT count(*) FROM interactions WHERE dataset_id = $1 GROUP BY user_idx', id);
  const itemCounts = await countColumn(c, 'SELECT count(*) FROM interactions WHERE dataset_id = $1 GROUP BY item_idx', id);
  const pairs = await pairStats(c, id);
  const time = await timeStats(c, id);
  return assembleProfile({
    userCounts,
    itemCounts,
    distinctPairs: pairs.distinct,
    duplicatePairs: pairs.duplicatePairs,
    duplicateInteractions: pairs.duplicateInteractions,
    itemsMissingTitle: await itemsMissingTitle(c, id),
    timeRange: time.range,
    timeBinCounts: time.bins,
    domains: await domainCounts(c, id),
  });
}
