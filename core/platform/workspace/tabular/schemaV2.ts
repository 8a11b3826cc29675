/**
 * The tabular path's additions to the workspace schema (migration v5 in schema.ts). importTabular
 * checks for them (schemaFeatures), so it also works on a database opened mid-migration in tests.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../db';

/** SQL statements of the migration (v4 → v5). */
export const TABULAR_SCHEMA_V2: readonly string[] = [
  // Click / like labels (CTR data, or rating ≥ threshold); NULL where the source had none.
  `ALTER TABLE interactions ADD COLUMN IF NOT EXISTS label DOUBLE`,
  // Arbitrary item text fields (description, category, brand, …) in long form: one row per
  // (item, field), so a new source column needs no schema change. First non-empty value wins.
  `CREATE TABLE IF NOT EXISTS item_texts (
     dataset_id VARCHAR NOT NULL, item_idx INTEGER NOT NULL, field VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
  // The column mapping an import used (role → source column), so re-imports and exports can
  // reproduce it. position orders the text fields.
  `CREATE TABLE IF NOT EXISTS dataset_columns (
     dataset_id VARCHAR NOT NULL, role VARCHAR NOT NULL, source_column VARCHAR NOT NULL, position INTEGER NOT NULL)`,
];

/** Tables added by v2 (for TABLES, countRows and deleteDataset). */
export const TABULAR_V2_TABLES = ['item_texts', 'dataset_columns'] as const;

/** Which v2 features the open database has. */
export interface SchemaFeatures {
  readonly label: boolean;
  readonly itemTexts: boolean;
  readonly datasetColumns: boolean;
}

/** Inspects the main schema (not temp tables) for the v2 additions. */
export async function schemaFeatures(c: DuckDBConnection): Promise<SchemaFeatures> {
  const rows = await query(c, `SELECT table_name, column_name FROM duckdb_columns()
    WHERE database_name <> 'temp' AND schema_name = 'main' AND (table_name IN ('item_texts', 'dataset_columns') OR (table_name = 'interactions' AND column_name = 'label'))`);
  const has = (t: string): boolean => rows.some((r) => r['table_name'] === t);
  return { label: rows.some((r) => r['column_name'] === 'label'), itemTexts: has('item_texts'), datasetColumns: has('dataset_columns') };
}
