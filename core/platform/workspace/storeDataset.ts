/** Writes a prepared dataset (summary row, users, items, interactions) on an open transaction. */
import { DOUBLE, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PreparedDataset } from '../../data/preprocess/prepare';
import type { DatasetSummary } from '../../protocol/dto';
import { appendRows } from './appendRows';
import { exec } from './db';

/** Identity of a dataset being stored. */
export interface DatasetMeta {
  readonly id: string;
  readonly name: string;
  readonly format: DatasetSummary['format'];
  readonly createdAt: string;
}

/** Summary of a prepared dataset under `meta`. */
export function summarize(meta: DatasetMeta, p: PreparedDataset): DatasetSummary {
  return {
    ...meta,
    users: p.users.length,
    items: p.items.length,
    interactions: p.rows.userIdx.length,
    rawInteractions: p.rawInteractions,
    domains: p.domains,
    lineage: p.lineage,
  };
}

/** Inserts every row of the dataset; call inside a transaction so a failure leaves nothing. */
export async function insertDataset(c: DuckDBConnection, meta: DatasetMeta, p: PreparedDataset): Promise<DatasetSummary> {
  const s = summarize(meta, p);
  await exec(c, 'INSERT INTO datasets (id, name, format, created_at, users, items, interactions, raw_interactions, domains, lineage) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::JSON, $10::JSON)', [
    s.id, s.name, s.format, s.createdAt, s.users, s.items, s.interactions, s.rawInteractions,
    JSON.stringify(s.domains), JSON.stringify(s.lineage),
  ]);
  const id = meta.id;
  await appendRows(c, 'users', p.users.length, [
    { type: VARCHAR, value: () => id },
    { type: INTEGER, value: (i) => i },
    { type: VARCHAR, value: (i) => p.users[i] ?? '' },
  ]);
  await appendRows(c, 'items', p.items.length, [
    { type: VARCHAR, value: () => id },
    { type: INTEGER, value: (i) => i + 1 },
    { type: VARCHAR, value: (i) => p.items[i]?.rawId ?? '' },
    { type: VARCHAR, value: (i) => p.items[i]?.title ?? null },
    { type: LIST(VARCHAR), value: (i) => listValue([...(p.items[i]?.genres ?? [])]) },
    { type: VARCHAR, value: (i) => p.items[i]?.domain ?? null },
  ]);
  const r = p.rows;
  await appendRows(c, 'interactions', r.userIdx.length, [
    { type: VARCHAR, value: () => id },
    { type: INTEGER, value: (i) => r.userIdx[i] ?? 0 },
    { type: INTEGER, value: (i) => r.itemIdx[i] ?? 0 },
    { type: DOUBLE, value: (i) => r.ts[i] ?? 0 },
    { type: DOUBLE, value: (i) => nullIfNaN(r.rating[i]) },
    { type: INTEGER, value: (i) => r.ord[i] ?? 0 },
    // label (schema v5): only mapped tables carry click / like labels.
    { type: DOUBLE, value: () => null },
  ]);
  return s;
}

function nullIfNaN(v: number | undefined): number | null {
  return v === undefined || Number.isNaN(v) ? null : v;
}
