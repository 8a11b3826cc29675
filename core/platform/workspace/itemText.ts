/**
 * A dataset's item text template (stored on the dataset, schema v7) and its live preview over
 * the first items: title, genres, domain and every imported text field can be used.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { previewTemplate, validateTemplate } from '../../data/text';
import type { TextFields } from '../../data/text';
import { RecForgeError } from '../../errors';
import type { ItemTextPreview } from '../../protocol/itemText';
import { exec, query, strOrNull } from './db';

/** RecBase's unified, domain-tagged style (Appendix C) and CPRec's domain-free style. */
export const TEMPLATE_PRESETS = [
  { name: 'RecBase unified', template: 'Describe a {domain}:\n{{"title": "{title}", "genres": "{genres}"}}' },
  { name: 'CPRec domain-free', template: 'Title: {title}. Genres: {genres}.' },
  { name: 'Title only', template: '{title}' },
] as const;

export const DEFAULT_TEMPLATE = TEMPLATE_PRESETS[1].template;
const SAMPLE_ITEMS = 5;

async function sampleItems(c: DuckDBConnection, datasetId: string): Promise<TextFields[]> {
  const items = await query(c, 'SELECT item_idx, title, genres, domain FROM items WHERE dataset_id = $1 ORDER BY item_idx LIMIT $2', [datasetId, SAMPLE_ITEMS]);
  const texts = await query(c, 'SELECT item_idx, field, value FROM item_texts WHERE dataset_id = $1 AND item_idx <= $2', [datasetId, SAMPLE_ITEMS]);
  return items.map((r) => {
    const fields: Record<string, string | string[]> = { title: String(r['title'] ?? ''), genres: (r['genres'] as unknown[] | null ?? []).map(String), domain: String(r['domain'] ?? 'item') };
    for (const t of texts) if (t['item_idx'] === r['item_idx']) fields[String(t['field'])] = String(t['value']);
    return fields;
  });
}

async function knownFields(c: DuckDBConnection, datasetId: string): Promise<string[]> {
  const rows = await query(c, 'SELECT DISTINCT field FROM item_texts WHERE dataset_id = $1 ORDER BY field', [datasetId]);
  return ['title', 'genres', 'domain', ...rows.map((r) => String(r['field']))];
}

/** The stored template (or the default) — or `template` when given — previewed on the first items. */
export async function previewItemText(c: DuckDBConnection, datasetId: string, template?: string): Promise<ItemTextPreview> {
  const [row] = await query(c, 'SELECT item_template FROM datasets WHERE id = $1', [datasetId]);
  if (!row) throw new RecForgeError('not_found', `dataset ${datasetId} does not exist`);
  const used = template ?? strOrNull(row['item_template']) ?? DEFAULT_TEMPLATE;
  const fields = await knownFields(c, datasetId);
  const preview = previewTemplate(used, await sampleItems(c, datasetId), SAMPLE_ITEMS, { knownFields: fields, listSeparator: ' | ' });
  return { template: used, fields, errors: preview.errors.map((e) => ({ position: e.position, message: e.message })), samples: preview.samples, presets: TEMPLATE_PRESETS };
}

/** Saves a template after checking it (a located 'validation' error names the first problem). */
export async function saveItemTemplate(c: DuckDBConnection, datasetId: string, template: string): Promise<void> {
  const [first] = validateTemplate(template, await knownFields(c, datasetId));
  if (first) throw new RecForgeError('validation', first.message, { file: 'item template', field: `character ${first.position}`, expected: 'a template whose {fields} exist' });
  await exec(c, 'UPDATE datasets SET item_template = $2 WHERE id = $1', [datasetId, template]);
}
