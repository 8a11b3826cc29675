/**
 * Several datasets as the domains of one corpus (CPRec's all-domain data, RecCocktail's general +
 * target domains): items are namespaced by their source (`<dataset>:<item>`) and tagged with it
 * as their domain; users are matched across sources by raw id ('shared') or kept apart.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ItemInfo, ParsedDataset, RawInteraction } from '../../data/types';
import type { DatasetSummary } from '../../protocol/dto';
import { query } from './db';

export type UserSpace = 'shared' | 'separate';

async function addSource(c: DuckDBConnection, ds: DatasetSummary, userSpace: UserSpace, out: { interactions: RawInteraction[]; items: Map<string, ItemInfo> }): Promise<void> {
  const rows = await query(c, `
    SELECT u.raw_id AS u, it.raw_id AS i, x.ts AS ts, x.rating AS r, it.title AS title, it.genres AS genres
    FROM interactions x
    JOIN users u ON u.dataset_id = x.dataset_id AND u.user_idx = x.user_idx
    JOIN items it ON it.dataset_id = x.dataset_id AND it.item_idx = x.item_idx
    WHERE x.dataset_id = $1 ORDER BY x.user_idx, x.ord`, [ds.id]);
  for (const r of rows) {
    const item = `${ds.name}:${String(r['i'])}`;
    const user = userSpace === 'shared' ? String(r['u']) : `${ds.name}:${String(r['u'])}`;
    out.interactions.push(r['r'] === null ? { user, item, timestamp: Number(r['ts']) } : { user, item, timestamp: Number(r['ts']), rating: Number(r['r']) });
    if (!out.items.has(item)) out.items.set(item, { title: String(r['title'] ?? ''), genres: (r['genres'] as unknown[] | null ?? []).map(String), domain: ds.name });
  }
}

/** The sources' interactions as one parsed dataset, in source order (ties keep that order). */
export async function combinedSource(c: DuckDBConnection, sources: readonly DatasetSummary[], userSpace: UserSpace): Promise<ParsedDataset> {
  const out = { interactions: [] as RawInteraction[], items: new Map<string, ItemInfo>() };
  for (const ds of sources) await addSource(c, ds, userSpace, out);
  return out;
}
