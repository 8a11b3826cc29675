import type {
  ApiError,
  ChartMarker,
  DatasetFormat,
  ResultTable,
  RunArtifact,
  DatasetSummary,
  FileRef,
  ImportOptions,
  ImportResult,
  TabularPreview,
  HostMode,
  RecipeInfo,
  ActionProgress,
  ImportProgress,
  RunProgress,
  RunSummary,
  SystemInfo,
} from '../../core/protocol';
import type { DraftMapping } from '../lib/mapping';
import type { Series } from './series';

export type Page = 'datasets' | 'runs' | 'run' | 'compare' | 'models';
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';
export type Theme = 'dark' | 'light';

export interface SystemSlice {
  readonly system: SystemInfo | null;
  /** How this window reaches the host; SystemInfo.mode wins once known. */
  readonly hostMode: HostMode;
  readonly connection: ConnectionState;
  /** This window's own WebGPU compute worker: why it does not offer itself, or its adapter; null before it knows. */
  readonly windowCompute: string | null;
}

/** Files chosen for import, with the detected format, the editable name and, for generic tables, the mapping step. */
export interface ImportDraft {
  readonly files: readonly File[];
  readonly format: DatasetFormat;
  readonly name: string;
  /** Uploaded (web) or resolved (Electron) files, reused from preview to import. */
  readonly refs: readonly FileRef[] | null;
  /** Columns and first rows of each file (generic tables), null until previewed. */
  readonly previews: readonly TabularPreview[] | null;
  readonly previewing: boolean;
  readonly mapping: DraftMapping;
  /** Iterative k-core on users and items. */
  readonly minInteractions: number;
  readonly options: ImportOptions;
}

export interface DatasetSlice {
  readonly datasets: readonly DatasetSummary[];
  readonly draft: ImportDraft | null;
  readonly importing: boolean;
  readonly importProgress: ImportProgress | null;
  readonly importError: ApiError | null;
  /** The last import's report (rows skipped under the 'skip' policy). */
  readonly lastImport: ImportResult | null;
  setDraftFormat: (format: DatasetFormat) => void;
  setDraftName: (name: string) => void;
  setDraftMapping: (mapping: DraftMapping) => void;
  setDraftSettings: (settings: { minInteractions?: number; options?: ImportOptions }) => void;
  clearDraft: () => void;
}

export interface RunSlice {
  /** What can be run, with the settings schema of each (recipes.list). */
  readonly recipes: readonly RecipeInfo[];
  /** Newest first. */
  readonly runs: readonly RunSummary[];
  readonly series: Readonly<Record<string, Series>>;
  readonly progress: Readonly<Record<string, RunProgress>>;
  /** Recipe runs: chart markers, current stage, result tables and artifacts. */
  readonly extras: Readonly<Record<string, RunExtrasView>>;
  /** Steps of the long action this window asked of a run (runs.onActionProgress), by run. */
  readonly actionProgress: Readonly<Record<string, ActionProgress>>;
}

/** What recipe runs show beyond the series (RunState's optional parts, always present here). */
export interface RunExtrasView {
  readonly markers: readonly ChartMarker[];
  readonly stage: string | null;
  readonly tables: readonly ResultTable[];
  readonly artifacts: readonly RunArtifact[];
}

export interface UiError {
  readonly id: number;
  /** What the user was doing, e.g. "Start run". */
  readonly context: string;
  readonly error: ApiError;
  /** The page it happened on: the banner shows it there only (it is kept when the user leaves and comes back). */
  readonly page: Page;
}

/** A short message about something that happened in the background (a run ended). */
export interface Notice {
  readonly id: number;
  readonly runId: string;
  readonly text: string;
  readonly tone: 'ok' | 'warn';
}

export interface UiSlice {
  readonly page: Page;
  readonly selectedRunId: string | null;
  /** Dataset preselected in the new-run form. */
  readonly newRunDatasetId: string | null;
  readonly errors: readonly UiError[];
  readonly theme: Theme;
  /** Runs ticked for the comparison chart, in the order they were ticked. */
  readonly compareIds: readonly string[];
  readonly notices: readonly Notice[];
  navigate: (page: Page) => void;
  openRun: (runId: string) => void;
  openNewRun: (datasetId: string) => void;
  selectNewRunDataset: (datasetId: string) => void;
  pushError: (context: string, error: ApiError) => void;
  dismissError: (id: number) => void;
  toggleTheme: () => void;
  toggleCompare: (runId: string) => void;
  pushNotice: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

export type Store = SystemSlice & DatasetSlice & RunSlice & UiSlice;
