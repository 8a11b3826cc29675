/**
 * A window's WebGPU compute worker, seen from the host: the same train/cancel surface as the Node
 * WorkerHost. Jobs go to that window only (compute.onRequest); its events and checkpoint bytes
 * come back as validated invokes, accepted only for the run it was given. Checkpoints land in
 * runs/<id>/checkpoints exactly as the Node worker writes them, so either path resumes the other's.
 */
import { join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import { readVerifiedCheckpoint, writeCheckpointFile } from '../../core/platform/checkpointFiles';
import { decodeBase64, encodeBase64 } from '../../core/protocol/base64';
import type { CheckpointReadReply, CheckpointReadRequest, CheckpointWriteRequest, ComputeEvent } from '../../core/protocol/compute';
import type { BackendInfo } from '../../core/protocol/dto';
import type { TrainJob, WorkerEvent } from '../../core/protocol/worker';
import { toWireJob } from '../../core/train/wireJob';
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
    this.run = { runId: job.runId, checkpointDir: job.checkpointDir };
    this.caller.send('compute.onRequest', { type: 'train', job: toWireJob(job) });
  }

  cancel(runId: string): void {
    if (this.run?.runId === runId) this.caller.send('compute.onRequest', { type: 'cancel', runId });
  }

  /** An event the window reported (already schema-validated); refused for any other run. */
  receive(event: ComputeEvent): void {
    this.assigned(event.runId);
    if (FINAL_EVENTS.has(event.type)) this.run = null;
    this.events.onEvent(event);
  }

  async writeCheckpoint(req: CheckpointWriteRequest): Promise<void> {
    const dir = this.assigned(req.runId);
    await writeCheckpointFile(join(dir, req.name), decodeBase64(req.bytes, `checkpoint ${req.name}`));
  }

  async readCheckpoint(req: CheckpointReadRequest): Promise<CheckpointReadReply> {
    const bytes = await readVerifiedCheckpoint(join(this.assigned(req.runId), req.name));
    return { bytes: bytes === null ? null : encodeBase64(bytes) };
  }

  /** The window is gone: a job in flight is interrupted (resumable from its last checkpoint). */
  lose(why: string): void {
    const run = this.run;
    this.run = null;
    this.goneWhy = why;
    if (run !== null) this.events.onLost(interrupted(why), this);
  }

  /** The checkpoint folder of `runId`, if this window trains it; a 'validation' error otherwise. */
  private assigned(runId: string): string {
    if (this.run?.runId !== runId) {
      throw new RecForgeError('validation', `this window does not train run ${runId}`, { file: 'compute', field: 'runId', expected: this.run?.runId ?? 'no run (none assigned)' });
    }
    return this.run.checkpointDir;
  }
}
