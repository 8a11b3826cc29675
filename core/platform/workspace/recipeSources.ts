/**
 * A stored dataset as recipes read it (core/recipes/runner.ts): interactions with ratings, raw
 * user ids, and items with their text rendered by the dataset's template; one source per item
 * domain when the dataset has several (an Amazon import with categories, a combined corpus).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { splitByDomain } from '../../data/multidomain/byDomain';
import type { InteractionColumns } from '../../data/splits/columns';
import { renderTemplate } from '../../data/text';
import { RecForgeError } from '../../errors';
import type { RecipeItem, RecipeSource } from '../../recipes/runner';
import { query, strOrNull } from './db';
import { DEFAULT_TEMPLATE } from './itemText';

interface StoredItem extends RecipeItem {
  readonly domain: string;
}

async function columnsWithRating(c: DuckDBConnection, datasetId: string): Promise<InteractionColumns> {
  const reader = await c.runAndReadAll('SELECT user_idx, item_idx, ts, ord, COALESCE(rating, \'NaN\'::DOUBLE) FROM interactions WHERE dataset_id = $1 ORDER BY user_idx, ord', [datasetId]);
  const [u = [], i = [], t = [], o = [], r = []] = reader.getColumnsJS() as number[][];
  const rating = Float64Array.from(r);
  const rated = rating.some((x) => !Number.isNaN(x));
  return { userIdx: Int32Array.from(u), itemIdx: Int32Array.from(i), ts: Float64Array.from(t), ord: Int32Array.from(o), ...(rated ? { rating } : {}) };
}

/** Text fields per item index (imported fields beyond title/genres/domain). */
async function extraFields(c: DuckDBConnection, datasetId: string): Promise<Map<number, Record<string, string>>> {
  const rows = await query(c, 'SELECT item_idx, field, value FROM item_texts WHERE dataset_id = $1', [datasetId]);
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    const idx = Number(r['item_idx']);
    out.set(idx, { ...out.get(idx), [String(r['field'])]: String(r['value']) });
  }
  return out;
}

async function storedItems(c: DuckDBConnection, datasetId: string, template: string, fallbackDomain: string): Promise<StoredItem[]> {
  const rows = await query(c, 'SELECT item_idx, raw_id, title, genres, domain FROM items WHERE dataset_id = $1 ORDER BY item_idx', [datasetId]);
  const extra = await extraFields(c, datasetId);
  return rows.map((r) => {
    const title = strOrNull(r['title']);
    const genres = ((r['genres'] as unknown[] | null) ?? []).map(String);
    const domain = strOrNull(r['domain']) ?? fallbackDomain;
    const fields = { ...extra.get(Number(r['item_idx'])), title: title ?? '', genres, domain };
    return { rawId: String(r['raw_id']), title, genres, domain, text: renderTemplate(template, fields, { listSeparator: ', ' }) };
  });
}

/** The dataset's sources: one per item domain (just one for a single-domain dataset). */
export async function loadRecipeSources(c: DuckDBConnection, datasetId: string): Promise<RecipeSource[]> {
  const [ds] = await query(c, 'SELECT name, item_template FROM datasets WHERE id = $1', [datasetId]);
  if (!ds) throw new RecForgeError('not_found', `dataset ${datasetId} does not exist`);
  const name = String(ds['name']);
  const items = await storedItems(c, datasetId, strOrNull(ds['item_template']) ?? DEFAULT_TEMPLATE, name);
  const users = (await query(c, 'SELECT raw_id FROM users WHERE dataset_id = $1 ORDER BY user_idx', [datasetId])).map((r) => String(r['raw_id']));
  const cols = await columnsWithRating(c, datasetId);
  const parts = splitByDomain(users, items, cols, (it) => it.domain);
  // A source is named by its items' domain (the dataset's name where they have none), as the studio offers them.
  return parts.map((p) => ({ name: p.name, users: p.users, items: p.items.map(({ domain: _d, ...it }) => it), rows: p.rows }));
}

/** The names loadRecipeSources gives the dataset's sources, without loading them; sorted. */
export async function selectSourceNames(c: DuckDBConnection, datasetId: string): Promise<string[]> {
  const rows = await query(c, 'SELECT DISTINCT COALESCE(i.domain, d.name) AS source FROM items i JOIN datasets d ON d.id = i.dataset_id WHERE i.dataset_id = $1', [datasetId]);
  return rows.map((r) => String(r['source'])).sort();
}
