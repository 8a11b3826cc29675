/**
 * Everything a host process runs, wired once: workspace (DuckDB), training worker, window compute
 * hosts, run service, event bus. The Electron main process and the web host each create one and
 * attach a transport.
 */
import { MAX_CHECKPOINT_BYTES, type ComputePreference, type ComputeRouting } from '../../core/protocol/compute';
import type { DatasetSummary, HostMode, SasRecConfig, SystemInfo } from '../../core/protocol/dto';
import { RecForgeError } from '../../core/errors';
import { Workspace } from '../../core/platform/workspace';
import { ActionCalls } from './actionCalls';
import { ComputeHosts } from './computeHosts';
import { fitsWindowHost, routeSasRec } from './computeRouting';
import { EventBus } from './eventBus';
import { RunService } from './runService';
import { RunStore } from './runStore';
import type { TrainHost } from './trainHost';
import { clearUploads } from './uploads';
import { WorkerHost } from './workerHost';

export interface HostOptions {
  readonly workspaceDir: string;
  /** Path of the bundled training worker (dist/electron/worker.cjs). */
  readonly workerPath: string;
  readonly mode: HostMode;
  readonly version: string;
  /** Generate the demo dataset into an empty workspace. */
  readonly seedDemo: boolean;
  /** Where SASRec jobs train (RECFORGE_COMPUTE); default 'auto'. */
  readonly compute?: ComputePreference;
}

export class HostContext {
  readonly bus = new EventBus();
  readonly store = new RunStore();
  /** runs.action calls in flight, so runs.cancelAction can stop them. */
  readonly actionCalls = new ActionCalls();
  readonly worker: WorkerHost;
  readonly compute: ComputeHosts;
  readonly runs: RunService;

  private constructor(
    readonly workspace: Workspace,
    private readonly options: HostOptions,
  ) {
    this.worker = new WorkerHost(options.workerPath, {
      onEvent: (event) => {
        if (event.type === 'ready') this.hostsChanged();
        this.runs.handleWorkerEvent(event);
      },
      onCrash: (message) => this.runs.handleCrash(message, this.worker),
    });
    this.compute = new ComputeHosts({
      onEvent: (event) => this.runs.handleWorkerEvent(event),
      onLost: (message, host) => this.runs.handleCrash(message, host),
      onChange: () => this.hostsChanged(),
    });
    const routing = { pick: () => this.pickTrainHost(), fit: (host: TrainHost, config: SasRecConfig, numItems: number) => this.fitTrainHost(host, config, numItems) };
    this.runs = new RunService(workspace, this.worker, this.store, this.bus, routing);
  }

  static async create(options: HostOptions): Promise<HostContext> {
    const workspace = await Workspace.open(options.workspaceDir);
    await clearUploads(workspace.dir);
    const ctx = new HostContext(workspace, options);
    await ctx.runs.recordInterruptedStops();
    if (options.seedDemo && (await workspace.listDatasets()).length === 0) await workspace.importDemo();
    ctx.worker.start();
    return ctx;
  }

  systemInfo(): SystemInfo {
    return {
      version: this.options.version,
      mode: this.options.mode,
      workspaceDir: this.workspace.dir,
      backend: this.worker.backend,
      compute: this.computeRouting(),
    };
  }

  /** Where SASRec jobs train now, and why. */
  computeRouting(): ComputeRouting {
    return routeSasRec(this.options.compute ?? 'auto', this.worker.backend, this.compute.current?.backend ?? null);
  }

  /** A host became ready or went away: windows learn the new routing, and queued runs may start. */
  private hostsChanged(): void {
    this.bus.emit('system.onInfo', this.systemInfo());
    this.runs.onWorkerReady();
  }

  private pickTrainHost(): TrainHost | null {
    const target = this.computeRouting().target;
    if (target === 'window') return this.compute.current;
    return target === 'node' ? this.worker : null;
  }

  private fitTrainHost(host: TrainHost, config: SasRecConfig, numItems: number): TrainHost {
    if (host.kind === 'node' || fitsWindowHost(config, numItems)) return host;
    if (this.options.compute === 'window') {
      throw new RecForgeError('validation', `this SASRec model (${numItems} items, hidden ${config.hidden}) has checkpoints too large for the window compute host; train it on the Node worker (RECFORGE_COMPUTE=node or auto)`, {
        file: 'runs.start',
        field: 'modelConfig.hidden',
        expected: `a model whose checkpoint stays under ${MAX_CHECKPOINT_BYTES / 2 ** 20} MiB on the window host`,
      });
    }
    return this.worker;
  }

  /** The workspace's demo dataset, generated on demand if the user removed it. */
  async demoDataset(): Promise<DatasetSummary> {
    const existing = (await this.workspace.listDatasets()).find((d) => d.format === 'demo');
    if (existing) return existing;
    const created = await this.workspace.importDemo();
    this.bus.emit('datasets.onChanged', await this.workspace.listDatasets());
    return created;
  }

  async close(): Promise<void> {
    await this.worker.stop();
    await this.runs.flush();
    await this.workspace.close();
  }
}
