/** Dataset queries: list, get, remove, and the leave-one-out split read back in `ord` order. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { buildLeaveOneOut } from '../../data/preprocess/leaveOneOut';
import type { DatasetSummary, LineageStep } from '../../protocol/dto';
import type { LeaveOneOutData } from '../../protocol/worker';
import { exec, num, query } from './db';
import type { Row } from './db';

function toSummary(r: Row): DatasetSummary {
  return {
    id: String(r['id']),
    name: String(r['name']),
    format: String(r['format']) as DatasetSummary['format'],
    createdAt: String(r['created_at']),
    users: num(r['users']),
    items: num(r['items']),
    interactions: num(r['interactions']),
    rawInteractions: num(r['raw_interactions']),
    domains: JSON.parse(String(r['domains'])) as string[],
    lineage: JSON.parse(String(r['lineage'])) as LineageStep[],
  };
}

/** All datasets, newest first. */
export async function listDatasets(c: DuckDBConnection): Promise<DatasetSummary[]> {
  return (await query(c, 'SELECT * FROM datasets ORDER BY created_at DESC, id DESC')).map(toSummary);
}

/** One dataset, or null. */
export async function getDataset(c: DuckDBConnection, id: string): Promise<DatasetSummary | null> {
  const [row] = await query(c, 'SELECT * FROM datasets WHERE id = $1', [id]);
  return row ? toSummary(row) : null;
}

/** Deletes a dataset's rows from every table (call inside a transaction); false if absent. */
export async function deleteDataset(c: DuckDBConnection, id: string): Promise<boolean> {
  if (!(await getDataset(c, id))) return false;
  for (const table of ['interactions', 'items', 'users', 'item_texts', 'dataset_columns', 'splits']) await exec(c, `DELETE FROM ${table} WHERE dataset_id = $1`, [id]);
  await exec(c, 'DELETE FROM datasets WHERE id = $1', [id]);
  return true;
}

/** The leave-one-out split of a stored dataset, or null if it does not exist. */
export async function loadLeaveOneOut(c: DuckDBConnection, id: string): Promise<LeaveOneOutData | null> {
  const ds = await getDataset(c, id);
  if (!ds) return null;
  const reader = await c.runAndReadAll('SELECT user_idx, item_idx FROM interactions WHERE dataset_id = $1 ORDER BY user_idx, ord', [id]);
  const [users = [], items = []] = reader.getColumnsJS() as number[][];
  return buildLeaveOneOut(ds.users, ds.items, users, items);
}
