/**
 * THE host API contract: invoke calls named `domain.action`, events named `domain.onX`.
 * Electron IPC (preload → ipcMain) and the WebSocket web host both implement exactly this map.
 */
import type {
  DatasetSummary,
  ImportProgress,
  RunProgressDelta,
  RunState,
  RunSummary,
  SystemInfo,
  TrainCacheInfo,
} from './dto';
import type { DatasetProfile } from './profile';
import type { Pipeline } from './pipeline';
import type { InstructionPreview, RecipeInfo } from './recipes';
import type { AnnotateRunRequest, CombineRequest, DatasetIdRequest, ExportRequest, InstructionPreviewRequest, ItemTextRequest, PreviewRequest, SetItemTemplateRequest, SplitIdRequest, SplitRequest, ImportLogRequest, ImportRequest, ModelFolderRequest, ModelIdRequest, RegisterModelRequest, RunIdRequest, RunModelArtifactRequest, RunModelRequest } from './schemas';
import type { ActionProgress, CancelActionRequest, RunActionRequest } from './recipeActions';
import type { ModelFolderInfo, RegisteredModel } from './models';
import type { ExportResult, ImportResult, TabularPreview } from './tabular';
import type { SplitSummary } from './splits';
import type { ItemTextPreview } from './itemText';
import type { StartRunRequest } from './runSchemas';
import type { FileReadReply, FileReadRequest, FileSizeReply, FileSizeRequest, FileWriteReply, FileWriteRequest } from './computeFiles';
import type { CheckpointReadReply, CheckpointReadRequest, CheckpointWriteRequest, ComputeAttachRequest, ComputeEventRequest, ComputeRequest, ComputeRouting } from './compute';

/** Request → response of every call the renderer can make. */
export interface InvokeMap {
  /** Version, host mode, workspace folder and active compute backend. */
  'system.info': (req?: Record<string, never>) => SystemInfo;
  /** Size of the workspace's cache of trained LM stages (reused by later runs with the same stage content). */
  'system.trainCache': (req?: Record<string, never>) => TrainCacheInfo;
  /** Empties that cache (runs keep working: their stages train again when needed). */
  'system.clearTrainCache': (req?: Record<string, never>) => TrainCacheInfo;
  /** All datasets of the workspace, newest first. */
  'datasets.list': (req?: Record<string, never>) => DatasetSummary[];
  /** Columns, first rows and a suggested column mapping of generic tables (CSV, TSV, JSON lines, Parquet). */
  'datasets.preview': (req: PreviewRequest) => TabularPreview[];
  /** Import files atomically: either a complete dataset appears, or nothing changes. */
  'datasets.import': (req: ImportRequest) => ImportResult;
  /** Define an evaluation split (leave-one-out, temporal ratio, cold items) with optional sampled candidates. */
  'datasets.split': (req: SplitRequest) => SplitSummary;
  /** The item text template (stored, or `template` to try) rendered on the first items, with located errors. */
  'datasets.itemText': (req: ItemTextRequest) => ItemTextPreview;
  /** Save the dataset's item text template (the LLM recipes render items with it). */
  'datasets.setItemTemplate': (req: SetItemTemplateRequest) => ItemTextPreview;
  /** The splits defined on a dataset, newest first. */
  'datasets.splits': (req: DatasetIdRequest) => SplitSummary[];
  /** Delete a split definition (nothing refers to it: every metric keeps its own protocol). */
  'datasets.removeSplit': (req: SplitIdRequest) => null;
  /** Write a dataset as Parquet or RecBole atomic files into the workspace's exports/ folder. */
  'datasets.export': (req: ExportRequest) => ExportResult;
  /** Sizes, long tail, history lengths, time histogram and data-quality counters of a dataset. */
  'datasets.profile': (req: DatasetIdRequest) => DatasetProfile;
  /** A new dataset with the given ones as its domains (CPRec / RecCocktail multi-domain corpora). */
  'datasets.combine': (req: CombineRequest) => DatasetSummary;
  /** Delete a dataset and its interactions (runs keep their metrics). */
  'datasets.remove': (req: DatasetIdRequest) => null;
  /** Queue a training run in the worker; resolves once it is registered. */
  'runs.start': (req: StartRunRequest) => RunSummary;
  /** Ask the worker to stop a run between two batches. */
  'runs.cancel': (req: RunIdRequest) => RunSummary;
  /** Continue a failed (e.g. interrupted) or cancelled run from its last checkpoint, exactly. */
  'runs.resume': (req: RunIdRequest) => RunSummary;
  /** All runs, newest first. */
  'runs.list': (req?: Record<string, never>) => RunSummary[];
  /** Latest full state of one run (series, progress, metrics) — rehydrates a reloaded window. */
  'runs.get': (req: RunIdRequest) => RunState;
  /** Run a pipeline file (dataset + recipe + settings), exactly as `recforge run` does. */
  'pipelines.run': (req: Pipeline) => RunSummary;
  /** Import a training log (CSV / JSON lines: step, loss[, lr, epoch]) as a run to compare with. */
  'runs.importLog': (req: ImportLogRequest) => RunSummary;
  /** Write the run's self-contained HTML report (metrics with protocol, charts, settings, pipeline). */
  'runs.report': (req: RunIdRequest) => ExportResult;
  /** Save the user's notes and tags on a run. */
  'runs.annotate': (req: AnnotateRunRequest) => RunSummary;
  /** An action on a finished recipe run (see core/protocol/recipeActions.ts); the result is the action's JSON. */
  'runs.action': (req: RunActionRequest) => unknown;
  /** Stop the run's action of that name in flight at its next step (it then fails with code 'cancelled'); null also when none is running. */
  'runs.cancelAction': (req: CancelActionRequest) => null;
  /** Copy one of the run's artifacts (model, adapter, ID table) to the workspace's exports/ for download. */
  'runs.exportArtifact': (req: RunModelArtifactRequest) => ExportResult;
  /** Register a Hugging Face folder the run produced as a workspace model (other recipes start from it). */
  'runs.registerModel': (req: RunModelRequest) => RegisteredModel;
  /** The pipeline file that reproduces a run. */
  'runs.pipeline': (req: RunIdRequest) => Pipeline;
  /** Architecture, size and memory fit of a local Hugging Face folder, without loading it. */
  'models.inspect': (req: ModelFolderRequest) => ModelFolderInfo;
  /** Inspect and register a local model folder in the workspace. */
  'models.register': (req: RegisterModelRequest) => RegisteredModel;
  'models.list': (req?: Record<string, never>) => RegisteredModel[];
  'models.remove': (req: ModelIdRequest) => null;
  /** The recipes the studio can run, with the JSON Schema of their settings (forms are generated from it). */
  'recipes.list': (req?: Record<string, never>) => RecipeInfo[];
  /** One real example of the dataset rendered with a RecCocktail instruction template (the new-run form's live preview). */
  'recipes.previewInstruction': (req: InstructionPreviewRequest) => InstructionPreview;
  /** Start SASRec on the bundled demo dataset with a short schedule. */
  'demo.run': (req?: Record<string, never>) => RunSummary;
  /** This window offers its WebGPU compute worker (self-test passed); replaces its earlier offer. */
  'compute.attach': (req: ComputeAttachRequest) => ComputeRouting;
  /** This window withdraws its compute worker (it failed or the page is closing); its run is interrupted. */
  'compute.detach': (req?: Record<string, never>) => ComputeRouting;
  /** An event of the job this window trains (progress, done, cancelled, failed). */
  'compute.event': (req: ComputeEventRequest) => null;
  /** Writes a checkpoint of the run this window trains, atomically with its .sha256 sidecar. */
  'compute.writeCheckpoint': (req: CheckpointWriteRequest) => null;
  /** Reads a checkpoint of the run this window trains (checksum verified). */
  'compute.readCheckpoint': (req: CheckpointReadRequest) => CheckpointReadReply;
  /** Size of a file of the recipe run this window runs (run folder or its model folder); null when absent. */
  'compute.fileSize': (req: FileSizeRequest) => FileSizeReply;
  /** A chunk (≤ MAX_FILE_CHUNK_BYTES) of such a file. */
  'compute.readFile': (req: FileReadRequest) => FileReadReply;
  /** One step of a chunked upload into the run folder (begin, append, commit atomically with .sha256, abort). */
  'compute.writeFile': (req: FileWriteRequest) => FileWriteReply;
}

/** Events pushed by the host; payload tuples. */
export interface EventMap {
  'runs.onProgress': [RunProgressDelta];
  'runs.onStatus': [RunSummary];
  /** Steps done of a long runs.action (e.g. Auto λ); sent only to the window that asked for the action. */
  'runs.onActionProgress': [ActionProgress];
  'datasets.onChanged': [DatasetSummary[]];
  'datasets.onImportProgress': [ImportProgress];
  'system.onInfo': [SystemInfo];
  /** A job for this window's compute worker; sent only to the window that attached. */
  'compute.onRequest': [ComputeRequest];
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;
export type InvokeRequest<C extends InvokeChannel> = Parameters<InvokeMap[C]>[0];
export type InvokeResponse<C extends InvokeChannel> = ReturnType<InvokeMap[C]>;
export type EventPayload<E extends EventChannel> = EventMap[E][0];
