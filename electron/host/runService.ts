/**
 * Runs lifecycle on the host: registers runs in the workspace, queues them for the single
 * training worker, persists worker events (events.jsonl, metrics) and keeps the RunStore current.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RecForgeError } from '../../core/errors';
import { WINDOW_RECIPES } from '../../core/protocol/compute';
import type { MetricRecord, RunProgress, RunState, RunStatus, RunStop, RunSummary, TrainPoint } from '../../core/protocol/dto';
import type { RecipeRunEvent } from '../../core/recipes/runner';
import type { RunArtifact } from '../../core/protocol/recipeRun';
import { chartDelta, RecipeRunTracker } from './recipeEvents';
import { resolveRecipeModel } from './recipeModel';
import { assertDomainRefs } from './domainRefs';
import type { StartRunRequestParsed } from '../../core/protocol/runSchemas';
import type { WorkerEvent } from '../../core/protocol/worker';
import type { Workspace } from '../../core/platform/workspace';
import type { EventBus } from './eventBus';
import { newRunId } from './ids';
import type { RunStore } from './runStore';
import type { WorkerHost } from './workerHost';
import type { TrainHost } from './trainHost';
import type { SasRecConfig } from '../../core/protocol/dto';
import { readRunRequest, readRunSeries } from './runSeries';
import { toColumns } from './seriesMerge';
import { settingsOf } from './runSettings';

const FINISHED: readonly RunStatus[] = ['done', 'cancelled', 'failed'];

/** Where SASRec and LLM recipe jobs run (see computeRouting.ts); other recipe jobs always use the Node worker. */
export interface TrainRouting {
  /** The host a SASRec job goes to now; null while none is ready (the queue waits). */
  pick(): TrainHost | null;
  /** The host for this job once its size is known (a checkpoint too big for the window goes elsewhere, or fails clearly). */
  fit(host: TrainHost, config: SasRecConfig, numItems: number): TrainHost;
}

export class RunService {
  private readonly queue: string[] = [];
  private active: string | null = null;
  /** What trains the active run: cancel goes there, and only its loss fails the run. */
  private activeHost: TrainHost | null = null;
  private readonly requests = new Map<string, StartRunRequestParsed>();
  private readonly resuming = new Set<string>();
  private readonly trackers = new Map<string, RecipeRunTracker>();
  /** The run dispatchNext is loading data for: no host has its job yet, so a cancel is noted here. */
  private preparing: { readonly runId: string; cancelled: boolean } | null = null;
  private persist: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly workspace: Workspace,
    private readonly worker: WorkerHost,
    private readonly store: RunStore,
    private readonly bus: EventBus,
    private readonly routing: TrainRouting = { pick: () => (worker.backend ? worker : null), fit: (host) => host },
  ) {}

  async start(req: StartRunRequestParsed): Promise<RunSummary> {
    const dataset = await this.workspace.getDataset(req.datasetId);
    if (!dataset) throw new RecForgeError('not_found', `dataset ${req.datasetId} does not exist`);
    await resolveRecipeModel(this.workspace, baseModelOf(req)); // refuse an unknown model now, not after queueing
    await assertDomainRefs(this.workspace, req); // and a domain the dataset does not have
    const summary: RunSummary = {
      id: newRunId(),
      datasetId: dataset.id,
      datasetName: dataset.name,
      model: req.model,
      status: 'queued',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      config: settingsOf(req),
      metrics: [],
      error: null,
      notes: '',
      tags: [],
    };
    await this.workspace.createRun(summary);
    // Logged now, not at dispatch: a run still queued when the host dies is resumable from it.
    await this.workspace.appendRunEvents(summary.id, [{ type: 'request', request: req }]).catch(async (err: unknown) => {
      await this.finish(summary.id, 'failed', err instanceof Error ? err.message : String(err)); // never left 'queued' with nothing to run
      throw err;
    });
    this.requests.set(summary.id, req);
    this.queue.push(summary.id);
    this.publish(summary);
    void this.dispatchNext();
    return summary;
  }

  async cancel(runId: string): Promise<RunSummary> {
    const summary = await this.summary(runId);
    if (FINISHED.includes(summary.status)) return summary;
    const queued = this.queue.indexOf(runId);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      return this.finish(runId, 'cancelled', null);
    }
    if (this.preparing?.runId === runId) {
      // No host has the job yet (dispatchNext is still loading its data): it will not be started.
      this.preparing.cancelled = true;
      return summary;
    }
    (this.active === runId && this.activeHost !== null ? this.activeHost : this.worker).cancel(runId);
    return summary;
  }

  /** Re-queues a failed or cancelled run; the worker continues from its last checkpoint. */
  async resume(runId: string): Promise<RunSummary> {
    const summary = await this.summary(runId);
    if (summary.status !== 'failed' && summary.status !== 'cancelled') {
      throw new RecForgeError('validation', `run ${runId} is ${summary.status}; only failed or cancelled runs can be resumed`);
    }
    const request = await readRunRequest(this.workspace, runId);
    // A second resume that passed the status check during the await above (a double click, two
    // windows) must not queue the run twice: no await from here until it is queued.
    if (this.queue.includes(runId) || this.active === runId) {
      throw new RecForgeError('validation', `run ${runId} is already queued to resume`);
    }
    this.requests.set(runId, request);
    this.resuming.add(runId);
    this.queue.push(runId);
    await this.workspace.updateRun(runId, { status: 'queued', finishedAt: null, error: null });
    const next: RunSummary = { ...summary, status: 'queued', finishedAt: null, error: null };
    this.publish(next);
    void this.dispatchNext();
    return next;
  }

  /** Saves notes and/or tags and tells every window. */
  async annotate(runId: string, patch: { notes?: string; tags?: readonly string[] }): Promise<RunSummary> {
    const summary = await this.summary(runId);
    await this.workspace.updateRun(runId, patch);
    const next: RunSummary = { ...summary, ...patch };
    this.publish(next);
    return next;
  }

  /**
   * Runs a crash interrupted (marked when the workspace opened) get where they stopped from their
   * event logs, once; a log that cannot be read leaves the run as it is.
   */
  async recordInterruptedStops(): Promise<void> {
    for (const run of await this.workspace.listRuns()) {
      if (run.error !== 'interrupted' || run.stoppedAt !== undefined) continue;
      const stop = await readRunSeries(this.workspace, run.id).then(({ progress }) => stopOf(progress), () => null);
      if (stop !== null) await this.workspace.updateRun(run.id, { stoppedAt: stop });
    }
  }

  async list(): Promise<RunSummary[]> {
    const runs = await this.workspace.listRuns();
    return runs.map((run) => this.store.summary(run.id) ?? run);
  }

  async get(runId: string): Promise<RunState> {
    const live = this.store.get(runId);
    if (live) return live;
    const summary = await this.summary(runId);
    const { points, progress, extras } = await readRunSeries(this.workspace, runId);
    this.store.restore(summary, points, progress, extras);
    return this.store.get(runId) ?? { summary, series: toColumns(points), progress };
  }

  handleWorkerEvent(event: WorkerEvent): void {
    switch (event.type) {
      case 'ready':
        return;
      case 'progress':
        return this.onProgress(event.runId, event.points, event.progress);
      case 'recipe':
        return this.onRecipeEvent(event.runId, event.event);
      case 'actionResult':
      case 'actionProgress':
        return; // answered by WorkerHost directly
      case 'done':
        void this.onDone(event.runId, event.metrics);
        return;
      case 'cancelled':
        void this.finish(event.runId, 'cancelled', null);
        return;
      case 'failed':
        if (event.runId) void this.finish(event.runId, 'failed', event.message);
        return;
      default: {
        const never: never = event;
        throw new Error(`unhandled worker event ${JSON.stringify(never)}`);
      }
    }
  }

  /** `host` died (Node worker) or went away (window) mid-run: its run fails with the reason, the queue goes on. */
  handleCrash(message: string, host: TrainHost): void {
    if (this.active && this.activeHost === host) void this.finish(this.active, 'failed', message);
  }

  /** Resolves once every pending event-log write has reached the disk. */
  async flush(): Promise<void> {
    await this.persist;
  }

  private async summary(runId: string): Promise<RunSummary> {
    const summary = this.store.summary(runId) ?? (await this.workspace.getRun(runId));
    if (!summary) throw new RecForgeError('not_found', `run ${runId} does not exist`);
    return summary;
  }

  /** The host the queue's next run would go to now, or null while it must wait. */
  private nextHost(): TrainHost | null {
    const next = this.queue[0];
    const req = next === undefined ? undefined : this.requests.get(next);
    if (req !== undefined && routedByCompute(req.model)) return this.routing.pick();
    return this.worker.backend ? this.worker : null;
  }

  private async dispatchNext(): Promise<void> {
    const host = this.active ? null : this.nextHost();
    if (host === null) return;
    const runId = this.queue.shift();
    if (runId === undefined) return;
    const req = this.requests.get(runId);
    if (!req) return this.dispatchNext(); // a stale id whose run already ended: the next one goes
    this.active = runId;
    this.activeHost = host;
    this.preparing = { runId, cancelled: false };
    try {
      const dir = this.workspace.runDir(runId);
      const resume = this.resuming.delete(runId);
      if (req.model === 'sasrec') {
        const data = await this.workspace.loadLeaveOneOut(req.datasetId);
        this.activeHost = this.routing.fit(host, req.modelConfig, data.numItems);
        if (resume) await this.workspace.appendRunEvents(runId, [{ type: 'resume' }]);
        if (this.cancelledBeforeStart(runId)) return;
        this.activeHost.train({
          runId, model: req.model, modelConfig: req.modelConfig, train: req.train, eval: req.eval,
          data, checkpointDir: join(dir, 'checkpoints'), resume,
        });
      } else {
        const sources = await this.workspace.loadRecipeSources(req.datasetId);
        const logged = resume ? await readRunSeries(this.workspace, runId) : null;
        this.trackers.set(runId, new RecipeRunTracker(logged?.seriesOffsets, logged?.points.at(-1)?.step ?? 0));
        if (resume) await this.workspace.appendRunEvents(runId, [{ type: 'resume' }]);
        const model = await resolveRecipeModel(this.workspace, baseModelOf(req)); // again: the folder may have moved while queued
        if (this.cancelledBeforeStart(runId)) return;
        host.recipe({ runId, recipe: req.model, settings: req.settings, sources, model, runDir: dir, resume, cacheDir: this.workspace.trainCacheDir() });
      }
      await this.setStatus(runId, 'running');
    } catch (err) {
      this.preparing = null;
      await this.finish(runId, 'failed', err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * Called right before a job is handed to its host: ends the preparation, and when the run was
   * cancelled meanwhile, finishes it as cancelled instead (its request is logged, so it can resume).
   */
  private cancelledBeforeStart(runId: string): boolean {
    const cancelled = this.preparing?.runId === runId && this.preparing.cancelled;
    this.preparing = null;
    if (!cancelled) return false;
    void this.finish(runId, 'cancelled', null);
    return true;
  }

  /** Called when a host becomes ready: the Node worker (first start or after a crash), or a window attaching. */
  onWorkerReady(): void {
    void this.dispatchNext();
  }

  private onProgress(runId: string, points: readonly TrainPoint[], progress: RunProgress): void {
    this.store.appendProgress(runId, points, progress);
    this.bus.emit('runs.onProgress', { runId, points, progress });
    this.enqueueWrite(() => this.workspace.appendRunEvents(runId, [{ type: 'progress', points, progress }]));
    const status = this.store.summary(runId)?.status;
    if (progress.phase === 'eval' && status === 'running') void this.setStatus(runId, 'evaluating');
  }

  /** A recipe's event: chart points, markers, stage, tables and artifacts to windows and the log; metrics to the registry. */
  private onRecipeEvent(runId: string, event: RecipeRunEvent): void {
    const tracker = this.trackers.get(runId) ?? new RecipeRunTracker();
    this.trackers.set(runId, tracker);
    const update = tracker.apply(event);
    if (update.metrics) this.enqueueWrite(() => this.addMetrics(runId, update.metrics ?? []));
    const delta = chartDelta(update, this.store.get(runId)?.progress ?? null);
    if (delta === null) return;
    this.store.appendProgress(runId, delta.points, delta.progress);
    this.store.appendExtras(runId, delta);
    this.bus.emit('runs.onProgress', { runId, ...delta });
    const logged = { type: 'progress', ...delta, ...(update.newSeries ? { newSeries: update.newSeries } : {}) };
    this.enqueueWrite(() => this.workspace.appendRunEvents(runId, [logged]));
  }

  /** An artifact an action wrote into a finished run: shown with the run and kept in its log. */
  async recordArtifact(runId: string, artifact: RunArtifact): Promise<void> {
    await this.get(runId); // loads the run's state when this process has not seen it yet
    this.onRecipeEvent(runId, { kind: 'artifact', artifact });
    await this.flush();
  }

  /** Saves metrics as they arrive and shows them on the run (same name, k, protocol and variant replace). */
  private async addMetrics(runId: string, metrics: readonly MetricRecord[]): Promise<void> {
    await this.workspace.saveMetrics(runId, metrics);
    const summary = await this.summary(runId);
    const key = (m: MetricRecord): string => JSON.stringify([m.name, m.k, m.protocol, m.variant ?? null]);
    const fresh = new Set(metrics.map(key));
    this.publish({ ...summary, metrics: [...summary.metrics.filter((m) => !fresh.has(key(m))), ...metrics] });
  }

  private async onDone(runId: string, metrics: RunSummary['metrics']): Promise<void> {
    // Recipe runs report metrics as events (already saved); 'done' only closes them.
    await this.flush();
    if (metrics.length > 0) {
      await this.workspace.saveMetrics(runId, [...metrics]);
      const summary = await this.summary(runId);
      this.store.upsertSummary({ ...summary, metrics });
    }
    this.trackers.delete(runId);
    await this.finish(runId, 'done', null);
  }

  private async setStatus(runId: string, status: RunStatus): Promise<RunSummary> {
    await this.workspace.updateRun(runId, { status });
    const next = { ...(await this.summary(runId)), status };
    this.publish(next);
    return next;
  }

  private async finish(runId: string, status: RunStatus, error: string | null): Promise<RunSummary> {
    const finishedAt = new Date().toISOString();
    // A run stopped again before its first new step (cancelled while queued to resume) keeps where it stopped before.
    const reached = stopOf(this.store.progress(runId));
    const stopPatch = status === 'done' ? { stoppedAt: null } : reached === null ? {} : { stoppedAt: reached };
    await this.workspace.updateRun(runId, { status, finishedAt, error, ...stopPatch });
    // A finished run cannot resume: its stage checkpoints (a copy of what artifacts/ holds, or more) only took space.
    if (status === 'done') await rm(join(this.workspace.runDir(runId), 'checkpoints', 'stages'), { recursive: true, force: true }).catch(() => undefined);
    const { stoppedAt: earlier, ...summary } = await this.summary(runId);
    const stop = status === 'done' ? undefined : reached ?? earlier;
    const next: RunSummary = { ...summary, status, finishedAt, error, ...(stop === undefined ? {} : { stoppedAt: stop }) };
    this.publish(next);
    this.requests.delete(runId);
    if (this.active === runId) {
      this.active = null;
      this.activeHost = null;
    }
    void this.dispatchNext();
    return next;
  }

  private publish(summary: RunSummary): void {
    this.store.upsertSummary(summary);
    this.bus.emit('runs.onStatus', summary);
  }

  private enqueueWrite(write: () => Promise<unknown>): void {
    this.persist = this.persist.then(write).catch(() => undefined);
  }
}

/** A live label's speed ("… · 10954 tokens/s"): a fact of the moment, not of where the run stopped. */
const SPEED = / · \d+ tokens\/s$/;

/** Where a run that did not finish had got; null before its first progress. */
export function stopOf(progress: RunProgress | null): RunStop | null {
  if (progress === null) return null;
  const { step, totalSteps, epoch, epochs, label } = progress;
  return { step, totalSteps, epoch, epochs, ...(label === undefined ? {} : { label: label.replace(SPEED, '') }) };
}

/** SASRec and the LLM recipes may run on a window's WebGPU worker; the rest stay on the Node worker. */
function routedByCompute(model: StartRunRequestParsed['model']): boolean {
  return model === 'sasrec' || WINDOW_RECIPES.some((r) => r === model);
}

/** The registered model id (or 'scratch') an LLM recipe starts from; undefined for other recipes. */
function baseModelOf(req: StartRunRequestParsed): string | undefined {
  return 'base' in req ? req.base.model : undefined;
}
