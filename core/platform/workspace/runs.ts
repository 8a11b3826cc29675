/** The runs & metrics registry. Metrics are keyed by (run, name, k, protocol): saving again replaces. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EvalProtocol, MetricRecord, RunStatus, RunStop, RunSummary } from '../../protocol/dto';
import { exec, num, query, strOrNull } from './db';
import type { Row } from './db';

/** Fields of a run that change after creation. */
export type RunPatch = Partial<Pick<RunSummary, 'status' | 'finishedAt' | 'error' | 'notes' | 'tags'>> & {
  /** null clears it (a resumed run that finished). */
  readonly stoppedAt?: RunStop | null;
};

/** Statuses a run can only have while a host process is driving it. */
export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running', 'evaluating'];

/** Inserts a run (and any metrics it already carries). */
export async function insertRun(c: DuckDBConnection, s: RunSummary): Promise<void> {
  await exec(c, `INSERT INTO runs (id, dataset_id, dataset_name, model, status, created_at, finished_at, config, error, notes, tags)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9, $10, $11::JSON::VARCHAR[])`, [
    s.id, s.datasetId, s.datasetName, s.model, s.status, s.createdAt, s.finishedAt, JSON.stringify(s.config), s.error, s.notes, JSON.stringify(s.tags),
  ]);
  await saveMetrics(c, s.id, s.metrics);
}

/** Applies a patch; false when the run does not exist. */
export async function patchRun(c: DuckDBConnection, id: string, patch: RunPatch): Promise<boolean> {
  const [exists] = await query(c, 'SELECT 1 AS x FROM runs WHERE id = $1', [id]);
  if (!exists) return false;
  const columns = { status: 'status', finishedAt: 'finished_at', error: 'error', notes: 'notes', tags: 'tags', stoppedAt: 'stopped_at' } as const;
  const casts: Partial<Record<keyof RunPatch, string>> = { tags: '::JSON::VARCHAR[]', stoppedAt: '::JSON' };
  const keys = (Object.keys(columns) as (keyof RunPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return true;
  // Lists and objects travel as JSON text and are cast back (positional parameters have scalar types).
  const set = keys.map((k, i) => `${columns[k]} = $${i + 2}${casts[k] ?? ''}`).join(', ');
  const values = keys.map((k) => (casts[k] !== undefined && patch[k] !== null ? JSON.stringify(patch[k]) : (patch[k] as string | null | undefined) ?? null));
  await exec(c, `UPDATE runs SET ${set} WHERE id = $1`, [id, ...values]);
  return true;
}

/** Upserts metric records of a run (same name, k, protocol and variant → replaced). */
export async function saveMetrics(c: DuckDBConnection, runId: string, metrics: readonly MetricRecord[]): Promise<void> {
  for (const m of metrics) {
    const protocol = JSON.stringify(m.protocol);
    const variant = m.variant ?? null;
    await exec(c, `DELETE FROM metrics WHERE run_id = $1 AND name = $2 AND k IS NOT DISTINCT FROM $3::INTEGER AND protocol = $4::JSON
      AND variant IS NOT DISTINCT FROM $5::VARCHAR`, [runId, m.name, m.k, protocol, variant]);
    await exec(c, 'INSERT INTO metrics (run_id, name, k, value, protocol, variant) VALUES ($1, $2, $3::INTEGER, $4, $5::JSON, $6::VARCHAR)', [runId, m.name, m.k, m.value, protocol, variant]);
  }
}

/** Runs newest first (or just `id`), each with its metrics. */
export async function selectRuns(c: DuckDBConnection, id?: string): Promise<RunSummary[]> {
  const where = id === undefined ? '' : 'WHERE id = $1';
  const params = id === undefined ? [] : [id];
  const runs = await query(c, `SELECT * FROM runs ${where} ORDER BY created_at DESC, id DESC`, params);
  const metricRows = await query(c, `SELECT * FROM metrics WHERE run_id IN (SELECT id FROM runs ${where}) ORDER BY rowid`, params);
  const byRun = new Map<string, MetricRecord[]>();
  for (const m of metricRows) {
    const runId = String(m['run_id']);
    const list = byRun.get(runId) ?? [];
    list.push(toMetric(m));
    byRun.set(runId, list);
  }
  return runs.map((r) => toRun(r, byRun.get(String(r['id'])) ?? []));
}

/** Marks runs left active by a previous process as failed ('interrupted'); returns how many. */
export async function markInterrupted(c: DuckDBConnection, now: string): Promise<number> {
  const list = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');
  const rows = await query(c, `UPDATE runs SET status = 'failed', error = 'interrupted', finished_at = $1 WHERE status IN (${list}) RETURNING id`, [now]);
  return rows.length;
}

function toMetric(r: Row): MetricRecord {
  const k = r['k'];
  const variant = r['variant'];
  const metric = { name: String(r['name']), k: k === null ? null : num(k), value: num(r['value']), protocol: JSON.parse(String(r['protocol'])) as EvalProtocol };
  return variant === null || variant === undefined ? metric : { ...metric, variant: String(variant) };
}

function toRun(r: Row, metrics: MetricRecord[]): RunSummary {
  return {
    id: String(r['id']),
    datasetId: String(r['dataset_id']),
    datasetName: String(r['dataset_name']),
    model: String(r['model']) as RunSummary['model'],
    status: String(r['status']) as RunStatus,
    createdAt: String(r['created_at']),
    finishedAt: strOrNull(r['finished_at']),
    config: JSON.parse(String(r['config'])) as RunSummary['config'],
    metrics,
    error: strOrNull(r['error']),
    notes: String(r['notes'] ?? ''),
    tags: Array.isArray(r['tags']) ? (r['tags'] as unknown[]).map(String) : [],
    ...(r['stopped_at'] === null || r['stopped_at'] === undefined ? {} : { stoppedAt: JSON.parse(String(r['stopped_at'])) as RunStop }),
  };
}
