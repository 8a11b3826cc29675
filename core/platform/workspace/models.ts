/** The workspace's registry of local models: rows of `models` (the folder itself is never copied). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ModelFolderInfo, RegisteredModel } from '../../protocol/models';
import { exec, query } from './db';
import type { Row } from './db';

function toModel(r: Row): RegisteredModel {
  return {
    id: String(r['id']),
    name: String(r['name']),
    kind: 'hf-lm',
    path: String(r['path']),
    createdAt: String(r['created_at']),
    info: JSON.parse(String(r['info'])) as ModelFolderInfo,
  };
}

export async function insertModel(c: DuckDBConnection, m: RegisteredModel): Promise<void> {
  await exec(c, 'INSERT INTO models (id, name, kind, path, created_at, info) VALUES ($1, $2, $3, $4, $5, $6::JSON)', [m.id, m.name, m.kind, m.path, m.createdAt, JSON.stringify(m.info)]);
}

/** Registered models, newest first. */
export async function selectModels(c: DuckDBConnection): Promise<RegisteredModel[]> {
  return (await query(c, 'SELECT * FROM models ORDER BY created_at DESC, id DESC')).map(toModel);
}

/** Removes a registration; false when there was none. */
export async function deleteModel(c: DuckDBConnection, id: string): Promise<boolean> {
  return (await query(c, 'DELETE FROM models WHERE id = $1 RETURNING id', [id])).length > 0;
}
