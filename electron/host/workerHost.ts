/**
 * Owns the one long-lived training worker: spawns it, relays its events, restarts it if it dies.
 * The worker is the only thread that loads tfjs (a native backend must not load in two threads).
 */
import { Worker } from 'node:worker_threads';
import type { BackendInfo } from '../../core/protocol/dto';
import { RecForgeError } from '../../core/errors';
import type { RecipeRunModel } from '../../core/protocol/runSchemas';
import type { RecipeJob, TrainJob, WorkerEvent, WorkerRequest } from '../../core/protocol/worker';
import type { TrainHost } from './trainHost';

export interface WorkerHostEvents {
  onEvent(event: WorkerEvent): void;
  /** The thread exited without being asked to (crash, OOM); the host has already respawned it. */
  onCrash(message: string): void;
}

/** What the caller of an action follows: its progress, and a signal that cancels it. */
export interface ActionCallHooks {
  onProgress?(done: number, total: number): void;
  readonly signal?: AbortSignal;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?(done: number, total: number): void;
}

export class WorkerHost implements TrainHost {
  readonly kind = 'node';
  private worker: Worker | null = null;
  private stopping = false;
  backend: BackendInfo | null = null;
  private nextCallId = 1;
  private readonly calls = new Map<number, PendingCall>();

  constructor(
    private readonly workerPath: string,
    private readonly events: WorkerHostEvents,
  ) {}

  start(): void {
    const worker = new Worker(this.workerPath);
    worker.on('message', (event: WorkerEvent) => {
      if (event.type === 'ready') this.backend = event.backend;
      if (event.type === 'actionResult') return this.settle(event);
      if (event.type === 'actionProgress') return this.calls.get(event.callId)?.onProgress?.(event.done, event.total);
      this.events.onEvent(event);
    });
    worker.on('error', (err) => this.handleExit(`training worker error: ${err.message}`));
    worker.on('exit', (code) => this.handleExit(`training worker exited with code ${code}`));
    this.worker = worker;
    this.post({ type: 'init' });
  }

  /** Sends a job; its typed arrays are transferred, not copied. */
  train(job: TrainJob): void {
    const { train, validTarget, testTarget } = job.data;
    const buffers = [train.offsets.buffer, train.values.buffer, validTarget.buffer, testTarget.buffer];
    this.post({ type: 'train', job }, buffers as ArrayBuffer[]);
  }

  /** Sends a recipe job (its sources are structured-cloned). */
  recipe(job: RecipeJob): void {
    this.post({ type: 'recipe', job });
  }

  /**
   * Runs an action of a finished recipe run in the worker; resolves with its JSON result. Its
   * progress goes to `hooks.onProgress`; aborting `hooks.signal` asks the worker to stop it.
   */
  action(recipe: RecipeRunModel, action: string, runDir: string, args: unknown, hooks: ActionCallHooks = {}): Promise<unknown> {
    const callId = this.nextCallId++;
    return new Promise((resolve, reject) => {
      this.calls.set(callId, { resolve, reject, ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}) });
      this.post({ type: 'action', callId, recipe, action, runDir, args });
      const cancel = (): void => {
        if (this.calls.has(callId)) this.post({ type: 'cancelAction', callId });
      };
      if (hooks.signal?.aborted === true) cancel();
      else hooks.signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  private settle(event: Extract<WorkerEvent, { type: 'actionResult' }>): void {
    const call = this.calls.get(event.callId);
    this.calls.delete(event.callId);
    if (!call) return;
    if (event.ok) call.resolve(event.value);
    else call.reject(new RecForgeError(event.error.code, event.error.message, event.error.location));
  }

  cancel(runId: string): void {
    this.post({ type: 'cancel', runId });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private post(request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    if (!this.worker) throw new Error('training worker is not running');
    this.worker.postMessage(request, transfer);
  }

  private handleExit(message: string): void {
    if (this.stopping || !this.worker) return;
    this.worker.removeAllListeners();
    this.worker = null;
    this.backend = null;
    for (const call of this.calls.values()) call.reject(new RecForgeError('internal', message));
    this.calls.clear();
    this.start();
    this.events.onCrash(message);
  }
}
