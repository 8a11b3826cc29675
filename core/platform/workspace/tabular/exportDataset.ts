/**
 * Dataset export for training outside the studio: Parquet (raw ids, so the files stand alone and
 * re-import to the same dataset) and RecBole atomic files. Rows stream from DuckDB to disk; each
 * file appears atomically (atomicCopy.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { RecForgeError } from '../../../errors';
import { query } from '../db';
import { copyAtomic } from './atomicCopy';
import { schemaFeatures } from './schemaV2';

const INTERACTIONS = `SELECT u.raw_id AS user_id, it.raw_id AS item_id, x.ts AS timestamp, x.rating AS rating__LABEL__
  FROM interactions x
  JOIN users u ON u.dataset_id = x.dataset_id AND u.user_idx = x.user_idx
  JOIN items it ON it.dataset_id = x.dataset_id AND it.item_idx = x.item_idx
  WHERE x.dataset_id = $1 ORDER BY x.user_idx, x.ord`;

async function assertDataset(c: DuckDBConnection, id: string): Promise<void> {
  if ((await query(c, 'SELECT 1 FROM datasets WHERE id = $1', [id])).length === 0) throw new RecForgeError('not_found', `dataset ${id} does not exist`);
}

/** Writes `<dir>/interactions.parquet` and `<dir>/items.parquet` (and item_texts.parquet on v2). */
export async function exportParquet(c: DuckDBConnection, datasetId: string, dir: string): Promise<string[]> {
  await assertDataset(c, datasetId);
  const f = await schemaFeatures(c);
  const opts = 'FORMAT parquet, COMPRESSION zstd';
  const files = [path.join(dir, 'interactions.parquet'), path.join(dir, 'items.parquet')];
  await copyAtomic(c, INTERACTIONS.replace('__LABEL__', f.label ? ', x.label AS label' : ''), files[0] ?? '', opts, [datasetId]);
  await copyAtomic(c, 'SELECT raw_id AS item_id, title, genres, domain FROM items WHERE dataset_id = $1 ORDER BY item_idx', files[1] ?? '', opts, [datasetId]);
  if (f.itemTexts) {
    const texts = path.join(dir, 'item_texts.parquet');
    await copyAtomic(c, `SELECT it.raw_id AS item_id, t.field, t.value FROM item_texts t
      JOIN items it ON it.dataset_id = t.dataset_id AND it.item_idx = t.item_idx WHERE t.dataset_id = $1 ORDER BY t.item_idx, t.field`, texts, opts, [datasetId]);
    files.push(texts);
  }
  return files;
}

/** A text cell RecBole reads back as it was: its whitespace runs (tabs, newlines) become one space. */
const oneLine = (col: string): string => `regexp_replace(COALESCE(${col}, ''), '\\s+', ' ', 'g')`;

/**
 * Writes RecBole atomic files `<dir>/<name>.inter` and `<dir>/<name>.item`: tab-separated and
 * never quoted (RecBole splits lines on tabs; quotes would stay in the text), so text cells are
 * kept on one line and a genre's own spaces become '_' (a token_seq splits on spaces).
 */
export async function exportRecBole(c: DuckDBConnection, datasetId: string, dir: string, name: string = datasetId): Promise<string[]> {
  await assertDataset(c, datasetId);
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new RecForgeError('validation', `invalid RecBole dataset name '${name.slice(0, 80)}'`);
  const opts = "FORMAT csv, DELIMITER '\t', HEADER true, QUOTE ''";
  const inter = path.join(dir, `${name}.inter`);
  const item = path.join(dir, `${name}.item`);
  await copyAtomic(c, `SELECT user_id AS "user_id:token", item_id AS "item_id:token", rating AS "rating:float", timestamp AS "timestamp:float"
    FROM (${INTERACTIONS.replace('__LABEL__', '')})`, inter, opts, [datasetId]);
  await copyAtomic(c, `SELECT raw_id AS "item_id:token", ${oneLine('title')} AS "title:token_seq",
      array_to_string(list_transform(genres, g -> regexp_replace(trim(g), '\\s+', '_', 'g')), ' ') AS "genres:token_seq", ${oneLine('domain')} AS "domain:token"
    FROM items WHERE dataset_id = $1 ORDER BY item_idx`, item, opts, [datasetId]);
  return [inter, item];
}
