/**
 * The RecForge command line (`recforge`, bundled to dist/electron/cli.cjs):
 *   recforge run <pipeline.json> [--workspace DIR] [--json]
 *   recforge pipeline <run-id> [--workspace DIR]      prints the pipeline that reproduces a run
 * It opens the workspace like the studio does (close the studio first: one process owns it).
 */
import { describeProtocol } from '../../core/protocol/describeProtocol';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toApiError } from '../../core/errors';
import type { RunSummary } from '../../core/protocol/dto';
import { HostContext } from '../host/hostContext';
import { appVersion, defaultWorkspaceDir, workerBundlePath } from '../host/paths';
import { pipelineOfRun } from '../host/pipelines';
import { runPipelineFile } from './runCommand';

const USAGE = `usage:
  recforge run <pipeline.json> [--workspace DIR] [--json]
  recforge pipeline <run-id> [--workspace DIR]`;

function printMetrics(run: RunSummary): void {
  process.stdout.write(`run ${run.id}: ${run.status}${run.error ? ` (${run.error})` : ''}\n`);
  for (const m of run.metrics) {
    const name = m.k === null ? m.name : `${m.name}@${m.k}`;
    process.stdout.write(`  ${name.padEnd(9)} ${m.value.toFixed(4)}   ${m.variant ? `${m.variant}: ` : ''}${describeProtocol(m.protocol)}\n`);
  }
}

async function withHost<T>(workspace: string, fn: (ctx: HostContext) => Promise<T>): Promise<T> {
  const ctx = await HostContext.create({ workspaceDir: workspace, workerPath: workerBundlePath, mode: 'cli', version: appVersion, seedDemo: false });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { workspace: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  const [command, arg] = positionals;
  if (values.help || command === undefined || arg === undefined) {
    process.stdout.write(`RecForge ${appVersion}\n${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const workspace = resolve(values.workspace ?? defaultWorkspaceDir());
  if (command === 'pipeline') {
    const pipeline = await withHost(workspace, (ctx) => pipelineOfRun(ctx, arg));
    process.stdout.write(`${JSON.stringify(pipeline, null, 2)}\n`);
    return 0;
  }
  if (command !== 'run') {
    process.stderr.write(`unknown command '${command}'\n${USAGE}\n`);
    return 2;
  }
  const run = await withHost(workspace, (ctx) => runPipelineFile(ctx, resolve(arg), process.stderr));
  if (values.json) process.stdout.write(`${JSON.stringify(run)}\n`);
  else printMetrics(run);
  return run.status === 'done' ? 0 : run.status === 'cancelled' ? 130 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = toApiError(err);
    const where = e.location ? ` [${[e.location.file, e.location.line, e.location.field].filter((x) => x !== undefined).join(':')}]` : '';
    process.stderr.write(`recforge: ${e.message}${where}\n`);
    process.exit(1);
  },
);
