/**
 * Everything a host process runs, wired once: workspace (DuckDB), training worker, run service,
 * event bus. The Electron main process and the web host each create one and attach a transport.
 */
import type { DatasetSummary, HostMode, SystemInfo } from '../../core/protocol/dto';
import { Workspace } from '../../core/platform/workspace';
import { EventBus } from './eventBus';
import { RunService } from './runService';
import { RunStore } from './runStore';
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
}

export class HostContext {
  readonly bus = new EventBus();
  readonly store = new RunStore();
  readonly worker: WorkerHost;
  readonly runs: RunService;

  private constructor(
    readonly workspace: Workspace,
    private readonly options: HostOptions,
  ) {
    this.worker = new WorkerHost(options.workerPath, {
      onEvent: (event) => {
        if (event.type === 'ready') {
          this.bus.emit('system.onInfo', this.systemInfo());
          this.runs.onWorkerReady();
        }
        this.runs.handleWorkerEvent(event);
      },
      onCrash: (message) => this.runs.handleCrash(message),
    });
    this.runs = new RunService(workspace, this.worker, this.store, this.bus);
  }

  static async create(options: HostOptions): Promise<HostContext> {
    const workspace = await Workspace.open(options.workspaceDir);
    await clearUploads(workspace.dir);
    const ctx = new HostContext(workspace, options);
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
    };
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
