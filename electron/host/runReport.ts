/** runs.report: writes the run's self-contained HTML report under <workspace>/exports/. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/platform/atomicWrite';
import type { ExportResult } from '../../core/protocol/tabular';
import { renderRunReport } from '../../core/report/runReport';
import type { HostContext } from './hostContext';
import { pipelineOfRun } from './pipelines';

export async function writeRunReport(ctx: HostContext, runId: string): Promise<ExportResult> {
  const state = await ctx.runs.get(runId);
  const pipeline = state.summary.config === null ? null : await pipelineOfRun(ctx, runId);
  const html = renderRunReport(state.summary, state.series, pipeline, new Date().toISOString());
  const dir = join(ctx.workspace.dir, 'exports', `${runId}-report`);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(join(dir, 'report.html'), html);
  return { format: 'html', dir, files: [{ name: 'report.html', bytes: Buffer.byteLength(html) }] };
}
