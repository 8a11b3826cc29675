/**
 * The RecForge command line (`recforge`, bundled to dist/electron/cli.cjs):
 *   recforge run <pipeline.json> [--workspace DIR] [--json]
 *   recforge pipeline <run-id> [--workspace DIR]      prints the pipeline that reproduces a run
 * It opens the workspace like the studio does (close the studio first: one process owns it).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toApiError } from '../../core/errors';
import { HostContext } from '../host/hostContext';
import { printRun } from './printRun';
import { appVersion, defaultWorkspaceDir, workerBundlePath } from '../host/paths';
import { pipelineOfRun } from '../host/pipelines';
import { runPipelineFile } from './runCommand';

const USAGE = `usage:
  recforge run <pipeline.json> [--workspace DIR] [--json]
  recforge pipeline <run-id> [--workspace DIR]`;

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
  const { run, state, runDir } = await withHost(workspace, async (ctx) => {
    const summary = await runPipelineFile(ctx, resolve(arg), process.stderr);
    return { run: summary, state: await ctx.runs.get(summary.id), runDir: ctx.workspace.runDir(summary.id) };
  });
  if (values.json) process.stdout.write(`${JSON.stringify(run)}\n`);
  else printRun(state, runDir, (line) => process.stdout.write(`${line}\n`));
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
