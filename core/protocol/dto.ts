/**
 * Data-transfer objects shared by the host, the training worker and the renderer.
 * Plain JSON-serialisable shapes only: these cross IPC, WebSocket and worker boundaries.
 */
import type { ComputeRouting } from './compute';
import type { ResultTable, RunArtifact } from './recipeRun';

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
  /** Where SASRec jobs train (Node worker or a window's WebGPU worker) and why. */
  readonly compute: ComputeRouting;
}

/** The workspace's trained-stage cache: what it holds and the size it is kept under. */
export interface TrainCacheInfo {
  readonly files: number;
  readonly bytes: number;
  readonly budgetBytes: number;
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
  /** A refused request's problems, each at its field path (e.g. 'settings.hidden'), so a form can mark them all. */
  readonly issues?: readonly RequestIssue[];
}

export interface RequestIssue {
  readonly field: string;
  readonly message: string;
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

/**
 * Which split a number was measured on: leave-one-out (last item per user), cold-item (targets
 * never seen in training), held-out-domain (zero-shot on a domain left out of training),
 * temporal (per-user chronological, for CTR samples) or a held-out text set (LM loss).
 */
export type EvalSplitKind = 'leave-one-out' | 'cold-item' | 'held-out-domain' | 'temporal' | 'held-out-text';

/** How a number was measured. Stored with every metric. */
export interface EvalProtocol {
  readonly split: EvalSplitKind;
  readonly target: 'valid' | 'test';
  readonly candidates:
    | { readonly kind: 'sampled'; readonly negatives: number; readonly sampler: 'uniform' | 'popularity'; readonly seed: number }
    | { readonly kind: 'full' }
    /** Pointwise: each labelled (user, item) sample is scored (AUC, LogLoss); no ranking. */
    | { readonly kind: 'labelled' }
    /** Token-level loss on held-out texts. */
    | { readonly kind: 'tokens' };
  /** Items of the user's own history are never candidates (always true for ranking metrics). */
  readonly excludeHistory: boolean;
  /** Users (or, for pointwise metrics, samples) evaluated. */
  readonly users: number;
  /** Which targets: all, warm (item seen in training), cold (never seen) — absent = all. */
  readonly segment?: 'all' | 'warm' | 'cold';
  /** The domain evaluated, for multi-domain corpora. */
  readonly domain?: string;
  /** Seed of the split or held-out selection, when it was drawn at random. */
  readonly seed?: number;
  /** The metric's value for a random scorer under this protocol (e.g. 10/101 for HR@10 of 1+100). */
  readonly chance?: number;
  /**
   * Generative (semantic-ID) scoring: how many leading ID levels a candidate's log-likelihood
   * covers — all of them for a whole-ID score; absent for scores that are not over ID levels.
   */
  readonly scoredLevels?: number;
}

export interface MetricRecord {
  /** 'HR' | 'NDCG' | 'MRR' | 'AUC' | 'LogLoss' | 'loss' | … */
  readonly name: string;
  /** Cut-off, or null for metrics without one (MRR, AUC). */
  readonly k: number | null;
  readonly value: number;
  readonly protocol: EvalProtocol;
  /**
   * Which model of the run produced it, when a run compares several (e.g. 'base', 'ingredient',
   * 'merged', 'CL-VAE', 'RQ-VAE', 'popularity', 'SASRec'); absent = the run's model.
   */
  readonly variant?: string;
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
  /** Recipe runs: which training and data phase, e.g. "ingredient · stable (movies)". */
  readonly label?: string;
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
export type RunModel = 'sasrec' | 'lm-pretrain' | 'recbase' | 'pad' | 'rellax' | 'cprec' | 'reccocktail' | 'external';

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
  /** A cancelled or failed run: how far it had got (absent when it stopped before its first step, or finished). */
  readonly stoppedAt?: RunStop;
}

/** Where a run stopped: its last progress (a multi-stage recipe's step counts belong to the stage in `label`). */
export type RunStop = Pick<RunProgress, 'step' | 'totalSteps' | 'epoch' | 'epochs' | 'label'>;

/** A training series as parallel columns (compact on the wire: a run can log a million points). */
export interface SeriesColumns {
  readonly step: readonly number[];
  readonly epoch: readonly number[];
  readonly loss: readonly number[];
  readonly lr: readonly number[];
}

/**
 * A labelled position on a run's step axis: where a recipe's data phase or data source changes
 * (WSA warm-up → stable → annealing), or where the next training of the run starts.
 */
export interface ChartMarker {
  readonly step: number;
  readonly label: string;
  readonly kind: 'phase' | 'series';
}

/** Everything a (re)loaded window needs to draw a run. */
export interface RunState {
  readonly summary: RunSummary;
  readonly series: SeriesColumns;
  readonly progress: RunProgress | null;
  /** Recipe runs: phase and series boundaries on the step axis. */
  readonly markers?: readonly ChartMarker[];
  /** Recipe runs: the stage running now (an id of the recipe's stages), null when none yet. */
  readonly stage?: string | null;
  readonly tables?: readonly ResultTable[];
  readonly artifacts?: readonly RunArtifact[];
}

export interface RunProgressDelta {
  readonly runId: string;
  /** Only the points logged since the previous delta. */
  readonly points: readonly TrainPoint[];
  readonly progress: RunProgress;
  /** Markers, tables and artifacts new since the previous delta; the current stage. */
  readonly markers?: readonly ChartMarker[];
  readonly stage?: string | null;
  readonly tables?: readonly ResultTable[];
  readonly artifacts?: readonly RunArtifact[];
}

export interface ImportProgress {
  readonly file: string;
  readonly bytesRead: number;
  readonly totalBytes: number;
}
