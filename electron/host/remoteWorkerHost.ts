/**
 * A window's WebGPU compute worker, seen from the host: the same train/recipe/cancel surface as the
 * Node WorkerHost. Jobs go to that window only (compute.onRequest); its events, checkpoint bytes and
 * (recipe runs) file calls come back as validated invokes, accepted only for the run it was given. Checkpoints land in
 * runs/<id>/checkpoints exactly as the Node worker writes them, so either path resumes the other's.
 */
import { join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import { readVerifiedCheckpoint, writeCheckpointFile } from '../../core/platform/checkpointFiles';
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import type { CheckpointReadReply, CheckpointReadRequest, CheckpointWriteRequest, ComputeEvent } from '../../core/protocol/compute';
import type { BackendInfo } from '../../core/protocol/dto';
import { WINDOW_RECIPES } from '../../core/protocol/compute';
import type { RecipeJob, TrainJob, WorkerEvent } from '../../core/protocol/worker';
import { toWireRecipeJob } from '../../core/recipes/wireRecipeJob';
import { toWireJob } from '../../core/train/wireJob';
import { RunFileAccess } from './runFileAccess';
import type { Caller } from './caller';
import type { TrainHost } from './trainHost';

export interface RemoteHostEvents {
  onEvent(event: WorkerEvent): void;
  /** The window went away while training `runId` (closed, reloaded, detached). */
  onLost(message: string, host: RemoteWorkerHost): void;
}

interface AssignedRun {
  readonly runId: string;
  readonly checkpointDir: string;
  /** A recipe run's files (its run folder, its model folder read-only); null for SASRec. */
  readonly files: RunFileAccess | null;
}

/** The run error text; 'interrupted' is what the studio offers for resume. */
function interrupted(why: string): string {
  return `interrupted: ${why} (resume continues from the last checkpoint)`;
}

const FINAL_EVENTS: ReadonlySet<ComputeEvent['type']> = new Set(['done', 'cancelled', 'failed']);

export class RemoteWorkerHost implements TrainHost {
  readonly kind = 'window';
  private run: AssignedRun | null = null;
  /** Set once the window went away; a job routed here in the meantime fails as interrupted. */
  private goneWhy: string | null = null;

  constructor(
    readonly caller: Caller,
    readonly backend: BackendInfo,
    private readonly events: RemoteHostEvents,
  ) {}

  /** True while a job it was given has not ended. */
  get busy(): boolean {
    return this.run !== null;
  }

  train(job: TrainJob): void {
    if (this.goneWhy !== null) throw new RecForgeError('internal', interrupted(`${this.goneWhy} before the run started`));
    this.run = { runId: job.runId, checkpointDir: job.checkpointDir, files: null };
    this.caller.send('compute.onRequest', { type: 'train', job: toWireJob(job) });
  }

  /** Sends a CPRec / RecCocktail job; the window reads and writes only its run and model folders. */
  recipe(job: RecipeJob): void {
    if (this.goneWhy !== null) throw new RecForgeError('internal', interrupted(`${this.goneWhy} before the run started`));
    const recipe = WINDOW_RECIPES.find((r) => r === job.recipe);
    if (recipe === undefined) throw new RecForgeError('internal', `recipe ${job.recipe} runs on the Node worker only`);
    const files = new RunFileAccess(job.runDir, job.model.kind === 'folder' ? [job.model.path] : []);
    this.run = { runId: job.runId, checkpointDir: join(job.runDir, 'checkpoints'), files };
    this.caller.send('compute.onRequest', { type: 'recipe', job: toWireRecipeJob(job, recipe) });
  }

  cancel(runId: string): void {
    if (this.run?.runId === runId) this.caller.send('compute.onRequest', { type: 'cancel', runId });
  }

  /** An event the window reported (already schema-validated); refused for any other run. */
  receive(event: ComputeEvent): void {
    this.assigned(event.runId);
    if (FINAL_EVENTS.has(event.type)) this.endRun();
    this.events.onEvent(event);
  }

  async writeCheckpoint(req: CheckpointWriteRequest): Promise<void> {
    const dir = this.assigned(req.runId).checkpointDir;
    await writeCheckpointFile(join(dir, req.name), decodeBase64(req.bytes, `checkpoint ${req.name}`));
  }

  async readCheckpoint(req: CheckpointReadRequest): Promise<CheckpointReadReply> {
    const bytes = await readVerifiedCheckpoint(join(this.assigned(req.runId).checkpointDir, req.name));
    return { bytes: bytes === null ? null : encodeBase64(bytes) };
  }

  /** The window is gone: a job in flight is interrupted (resumable from its last checkpoint). */
  lose(why: string): void {
    const run = this.endRun();
    this.goneWhy = why;
    if (run !== null) this.events.onLost(interrupted(why), this);
  }

  /** The file access of the recipe run `runId` this window runs; a 'validation' error otherwise. */
  filesOf(runId: string): RunFileAccess {
    const files = this.assigned(runId).files;
    if (files === null) throw new RecForgeError('validation', `run ${runId} is a SASRec run: it uses compute.*Checkpoint, not files`, { file: 'compute', field: 'runId', expected: 'a CPRec or RecCocktail run' });
    return files;
  }

  /** Forgets the run; uploads it left open are aborted (they never appear). */
  private endRun(): AssignedRun | null {
    const run = this.run;
    this.run = null;
    void run?.files?.close().catch(() => undefined); // best effort: a temp file left is hidden and never published
    return run;
  }

  /** The run `runId`, if this window runs it; a 'validation' error otherwise. */
  private assigned(runId: string): AssignedRun {
    if (this.run?.runId !== runId) {
      throw new RecForgeError('validation', `this window does not train run ${runId}`, { file: 'compute', field: 'runId', expected: this.run?.runId ?? 'no run (none assigned)' });
    }
    return this.run;
  }
}
