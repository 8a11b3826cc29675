/**
 * `recforge run <pipeline.json>`: validates the file with the protocol's schema, runs it through
 * the same dispatch, worker and run folder the studio uses, shows progress, prints the metrics.
 */
import { readFile } from 'node:fs/promises';
import { RecForgeError } from '../../core/errors';
import { jsonErrorPosition } from '../../core/text/jsonPosition';
import type { ApiResult, RunProgressDelta, RunStatus, RunSummary } from '../../core/protocol/dto';
import { createDispatch } from '../host/api';
import type { HostContext } from '../host/hostContext';
import { ProgressBar } from './progressBar';

const FINAL: ReadonlySet<RunStatus> = new Set(['done', 'failed', 'cancelled']);

async function readPipelineFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    throw new RecForgeError('not_found', `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, { file });
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = jsonErrorPosition(text);
    throw new RecForgeError('validation', `${file} is not JSON: ${message}`, { file, ...(at === null ? {} : { line: at.line }), expected: 'a pipeline JSON file' });
  }
}

/** The name the host gives the pipeline in error locations; on the command line it is the file itself. */
const PIPELINE = 'pipeline';

function unwrap<T>(result: ApiResult<unknown>, file: string): T {
  if (result.ok) return result.value as T;
  const e = result.error;
  throw new RecForgeError(e.code, e.message, e.location?.file === PIPELINE ? { ...e.location, file } : e.location);
}

/** Runs the pipeline to its end; resolves with the final run summary. */
export async function runPipelineFile(ctx: HostContext, file: string, stderr: NodeJS.WriteStream): Promise<RunSummary> {
  const pipeline = await readPipelineFile(file);
  const dispatch = createDispatch(ctx);
  const bar = new ProgressBar(stderr);
  const finals = new Map<string, RunSummary>();
  let runId: string | null = null;
  let settle: (s: RunSummary) => void = () => undefined;
  const finished = new Promise<RunSummary>((resolve) => { settle = resolve; });
  const unsubscribe = ctx.bus.subscribe((event, payload) => {
    if (event === 'runs.onProgress') {
      const d = payload as RunProgressDelta;
      if (d.runId === runId) bar.update(d.progress, d.points.at(-1));
    } else if (event === 'runs.onStatus') {
      const s = payload as RunSummary;
      if (!FINAL.has(s.status)) return;
      finals.set(s.id, s);
      if (s.id === runId) settle(s);
    }
  });
  // Ctrl-C before the run exists (the dataset is still being prepared) cancels it as soon as it does.
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
    if (runId) void dispatch('runs.cancel', { runId });
  };
  process.on('SIGINT', onInterrupt);
  try {
    const started = unwrap<RunSummary>(await dispatch('pipelines.run', pipeline), file);
    runId = started.id;
    if (interrupted) void dispatch('runs.cancel', { runId });
    const early = finals.get(runId);
    if (early) settle(early);
    return await finished;
  } finally {
    process.off('SIGINT', onInterrupt);
    unsubscribe();
    bar.end();
  }
}
