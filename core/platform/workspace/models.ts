/** The workspace's registry of local models: rows of `models` (the folder itself is never copied). */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RecForgeError } from '../../errors';
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

/** A registration with the same folder or the same name (names pick models in run forms), or null. */
export async function clashingModel(c: DuckDBConnection, name: string, path: string): Promise<RegisteredModel | null> {
  const [row] = await query(c, 'SELECT * FROM models WHERE path = $1 OR lower(name) = lower($2) ORDER BY created_at LIMIT 1', [path, name]);
  return row === undefined ? null : toModel(row);
}

/** Why `wanted` cannot be registered beside `existing`. */
export function modelClash(existing: RegisteredModel, wanted: RegisteredModel): RecForgeError {
  const samePath = existing.path === wanted.path;
  const message = samePath ? `this folder is already registered as '${existing.name}'` : `a model named '${existing.name}' is already registered`;
  return new RecForgeError('validation', message, samePath
    ? { file: wanted.path, field: 'path', expected: 'a folder not registered yet (remove the old entry to register it again)' }
    : { file: wanted.path, field: 'name', expected: 'a name no other model has' });
}

/** Registered models, newest first. */
export async function selectModels(c: DuckDBConnection): Promise<RegisteredModel[]> {
  return (await query(c, 'SELECT * FROM models ORDER BY created_at DESC, id DESC')).map(toModel);
}

/** Removes a registration; false when there was none. */
export async function deleteModel(c: DuckDBConnection, id: string): Promise<boolean> {
  return (await query(c, 'DELETE FROM models WHERE id = $1 RETURNING id', [id])).length > 0;
}
