/** What `recforge run` prints when a run ends: metrics with their protocol, result tables, artifacts. */
import { join } from 'node:path';
import { describeProtocol } from '../../core/protocol/describeProtocol';
import type { RunState } from '../../core/protocol/dto';
import type { ResultTable } from '../../core/protocol/recipeRun';

type Out = (line: string) => void;

function printMetrics(state: RunState, out: Out): void {
  const run = state.summary;
  out(`run ${run.id}: ${run.status}${run.error ? ` (${run.error})` : ''}`);
  for (const m of run.metrics) {
    const name = m.k === null ? m.name : `${m.name}@${m.k}`;
    out(`  ${name.padEnd(9)} ${m.value.toFixed(4)}   ${m.variant ? `${m.variant}: ` : ''}${describeProtocol(m.protocol)}`);
  }
}

function cell(v: string | number | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : v.toFixed(4); // counts and steps stay integers
}

/** A result table as aligned text columns with its protocol (CLI and benches). */
export function printTable(t: ResultTable, out: Out = (line) => console.log(line)): void {
  const rows = [t.columns, ...t.rows.map((r) => r.map(cell))];
  const widths = t.columns.map((_, j) => Math.max(...rows.map((r) => String(r[j] ?? '').length)));
  out(`\n${t.title}`);
  for (const r of rows) out(`  ${r.map((c, j) => String(c ?? '').padEnd(widths[j] ?? 0)).join('  ')}`);
  out(`  (${t.protocol})`);
}

/** Prints the run; artifact paths are absolute (the run folder is `runDir`). */
export function printRun(state: RunState, runDir: string, out: Out): void {
  printMetrics(state, out);
  for (const t of state.tables ?? []) printTable(t, out);
  if ((state.artifacts ?? []).length > 0) out('\nartifacts:');
  for (const a of state.artifacts ?? []) out(`  ${a.title}: ${join(runDir, a.path)}`);
}
