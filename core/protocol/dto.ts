/**
 * Data-transfer objects shared by the host, the training worker and the renderer.
 * Plain JSON-serialisable shapes only: these cross IPC, WebSocket and worker boundaries.
 */

/** Which tfjs backend runs the engine, and why the ladder settled there. */
export interface BackendInfo {
  /** e.g. 'tensorflow' (tfjs-node[-gpu]), 'wasm', 'cpu'. */
  readonly name: string;
  /** Human-readable reason, e.g. "tfjs-node-gpu not installed; wasm SIMD with 2 kernel patches". */
  readonly detail: string;
  /** Kernel patches applied to this backend (names). */
  readonly patches: readonly string[];
  /** Set when the start-up self-test had to switch fast kernel paths off (correct, but slower). */
  readonly degraded?: string;
}

export type HostMode = 'electron' | 'web' | 'cli';

export interface SystemInfo {
  readonly version: string;
  readonly mode: HostMode;
  readonly workspaceDir: string;
  /** null until the training worker has initialised its backend. */
  readonly backend: BackendInfo | null;
}

/** Where an input problem is, so the user can fix it. Lines are 1-based. */
export interface ErrorLocation {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly expected?: string;
}

export type ErrorCode = 'validation' | 'import' | 'not_found' | 'busy' | 'cancelled' | 'internal';

/** The only error shape that crosses the protocol. */
export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly location?: ErrorLocation;
}

/** Every invoke resolves to one of these; transports never throw across the boundary. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Source formats the importer understands (file-picking rules in core/platform/workspace/importFormats). */
export type DatasetFormat =
  | 'movielens-100k'
  | 'csv'
  | 'movielens-1m'
  | 'movielens-csv'
  | 'amazon-2014'
  | 'amazon-2018'
  | 'amazon-2023'
  | 'recbole'
  /** Generic tables read by DuckDB through a column mapping (the import wizard). */
  | 'tsv'
  | 'jsonl'
  | 'parquet';

/** One preprocessing step applied at import, in order (the dataset's lineage). */
export interface LineageStep {
  readonly step: string;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly before: number;
  readonly after: number;
}

export interface DatasetSummary {
  readonly id: string;
  readonly name: string;
  /** 'corpus': several datasets combined as the domains of one. */
  readonly format: DatasetFormat | 'demo' | 'corpus';
  readonly createdAt: string;
  readonly users: number;
  readonly items: number;
  readonly interactions: number;
  /** Interactions as read from the source, before filtering. */
  readonly rawInteractions: number;
  readonly domains: readonly string[];
  readonly lineage: readonly LineageStep[];
}

/** How a number was measured. Stored with every metric. */
export interface EvalProtocol {
  readonly split: 'leave-one-out';
  readonly target: 'valid' | 'test';
  readonly candidates:
    | { readonly kind: 'sampled'; readonly negatives: number; readonly sampler: 'uniform'; readonly seed: number }
    | { readonly kind: 'full' };
  /** Items of the user's own history are never candidates. */
  readonly excludeHistory: true;
  readonly users: number;
}

export interface MetricRecord {
  /** 'HR' | 'NDCG' | 'MRR' */
  readonly name: string;
  /** Cut-off, or null for metrics without one (MRR). */
  readonly k: number | null;
  readonly value: number;
  readonly protocol: EvalProtocol;
}

export type RunStatus = 'queued' | 'running' | 'evaluating' | 'done' | 'cancelled' | 'failed';

/** One logged training point. */
export interface TrainPoint {
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  readonly lr: number;
}

export interface RunProgress {
  readonly step: number;
  readonly totalSteps: number;
  readonly epoch: number;
  readonly epochs: number;
  /** Seconds until training ends, estimated from recent step times; null before the first steps. */
  readonly etaSeconds: number | null;
  /** 'train' | 'eval' — what the run is doing now. */
  readonly phase: 'train' | 'eval';
}

export interface SasRecConfig {
  readonly hidden: number; // embedding / model width (64)
  readonly blocks: number; // transformer blocks (2)
  readonly heads: number; // attention heads (1)
  readonly maxLen: number; // history length (50)
  readonly dropout: number; // dropout rate (0.2)
}

export interface TrainConfig {
  readonly epochs: number;
  readonly batchSize: number; // 128
  readonly learningRate: number; // Adam, 1e-3
  readonly seed: number;
}

export interface EvalConfig {
  readonly negatives: number; // sampled negatives per positive (100)
  readonly seed: number; // sampler seed, recorded in the protocol
  readonly fullRanking: boolean;
}

/** What produced a run: a recipe RecForge trained, or a training log imported for comparison. */
export type RunModel = 'sasrec' | 'external';

/**
 * The settings a trained run was started with: the recipe's groups of named values (SASRec:
 * { modelConfig, train, eval }), described for display by the recipe's JSON Schema.
 */
export type RunSettings = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface RunSummary {
  readonly id: string;
  readonly datasetId: string;
  readonly datasetName: string;
  readonly model: RunModel;
  readonly status: RunStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  /** What the run trained with; null for an imported training log. */
  readonly config: RunSettings | null;
  readonly metrics: readonly MetricRecord[];
  readonly error: string | null;
  /** The user's notes on the run (free text) and tags (to find and group runs). */
  readonly notes: string;
  readonly tags: readonly string[];
}

/** A training series as parallel columns (compact on the wire: a run can log a million points). */
export interface SeriesColumns {
  readonly step: readonly number[];
  readonly epoch: readonly number[];
  readonly loss: readonly number[];
  readonly lr: readonly number[];
}

/** Everything a (re)loaded window needs to draw a run. */
export interface RunState {
  readonly summary: RunSummary;
  readonly series: SeriesColumns;
  readonly progress: RunProgress | null;
}

export interface RunProgressDelta {
  readonly runId: string;
  /** Only the points logged since the previous delta. */
  readonly points: readonly TrainPoint[];
  readonly progress: RunProgress;
}

export interface ImportProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
}
