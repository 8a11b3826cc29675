/**
 * Item rows from the staged metadata: like the CSV parser, the first input row of an item that
 * carries any of title / genres / domain supplies all three (trimmed; '' is no value). Text
 * fields (schema v2) each take their own first non-empty value. The metadata is collected into
 * small per-item tables right after staging, so the (large) staging table can be dropped early.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec } from '../db';
import { ITEM_CODES } from './encode';
import { STAGE } from './stage';
import { lit } from './sql';
import type { ColumnMapping } from './types';

/** Per-item remap: tab_imap(code, idx), filled by store.ts. */
export const ITEM_MAP = 'tab_imap';

const GENRES = `list_filter(list_transform(string_split(COALESCE(genres, ''), '|'), g -> trim(g)), g -> g <> '')`;

/** Collects tab_item_info(raw, info) and tab_item_text(raw, field, value) from the stage. */
export async function collectItemMetadata(c: DuckDBConnection, m: ColumnMapping): Promise<void> {
  const hasInfo = m.title !== undefined || m.genres !== undefined || m.domain !== undefined;
  // Without metadata columns the stage has none of them (see StageColumns): an empty table.
  if (!hasInfo) await exec(c, 'CREATE OR REPLACE TEMP TABLE tab_item_info (raw VARCHAR, info STRUCT(t VARCHAR, g VARCHAR[], d VARCHAR))');
  else await exec(c, `CREATE OR REPLACE TEMP TABLE tab_item_info AS
    SELECT item AS raw, arg_min(struct_pack(t := NULLIF(trim(title), ''), g := ${GENRES}, d := NULLIF(trim(domain), '')), rowid) AS info
    FROM ${STAGE} WHERE bad IS NULL
      AND (trim(COALESCE(title, '')) <> '' OR trim(COALESCE(domain, '')) <> '' OR len(${GENRES}) > 0)
    GROUP BY item`);
  await exec(c, 'CREATE OR REPLACE TEMP TABLE tab_item_text (raw VARCHAR, field VARCHAR, value VARCHAR)');
  for (const [k, field] of (m.text ?? []).entries()) {
    const v = `texts[${k + 1}]`;
    await exec(c, `INSERT INTO tab_item_text SELECT item, ${lit(field)}, arg_min(${v}, rowid) FROM ${STAGE}
      WHERE bad IS NULL AND trim(COALESCE(${v}, '')) <> '' GROUP BY item`);
  }
}

/** Inserts the dataset's items (one per tab_imap row). */
export async function insertItems(c: DuckDBConnection, id: string): Promise<void> {
  await exec(c, `INSERT INTO items SELECT $1, m.idx, ic.raw, f.info.t, COALESCE(f.info.g, []), f.info.d
    FROM ${ITEM_MAP} m JOIN ${ITEM_CODES} ic ON ic.code = m.code LEFT JOIN tab_item_info f ON f.raw = ic.raw`, [id]);
}

/** Inserts item_texts rows of the surviving items (schema v2). */
export async function insertItemTexts(c: DuckDBConnection, id: string): Promise<void> {
  await exec(c, `INSERT INTO item_texts SELECT $1, m.idx, t.field, t.value
    FROM tab_item_text t JOIN ${ITEM_CODES} ic ON ic.raw = t.raw JOIN ${ITEM_MAP} m ON m.code = ic.code`, [id]);
}
