/**
 * The import wizard's actions: choose files (format detected), preview generic tables (columns,
 * first rows, suggested mapping), import with the mapping and options, report skipped rows.
 */
import type { DatasetFormat, ImportRequest } from '../../core/protocol';
import { defaultDatasetName, detectFormat } from '../lib/detectFormat';
import { checkMapping, DEFAULT_OPTIONS, initialMapping } from '../lib/mapping';
import { useStore } from '../store';
import { upsertDataset } from '../store/reducers';
import type { ImportDraft } from '../store/types';
import { invoke, toApiError } from './invoke';
import { describeFiles, toFileRefs } from './upload';

/** Largest number of files one import accepts (importRequestSchema). */
const MAX_IMPORT_FILES = 16;
/** Iterative k-core applied at import unless the user changes it. */
const MIN_INTERACTIONS = 5;
/** Formats whose columns the user maps (read by DuckDB). */
const MAPPED: ReadonlySet<DatasetFormat> = new Set(['csv', 'tsv', 'jsonl', 'parquet']);

const { setState, getState } = useStore;

/** True when the draft's format goes through the mapping step. */
export function needsMapping(format: DatasetFormat): boolean {
  return MAPPED.has(format);
}

function patchDraft(patch: Partial<ImportDraft>): void {
  setState((s) => (s.draft === null ? {} : { draft: { ...s.draft, ...patch } }));
}

async function uploadDraft(draft: ImportDraft): Promise<NonNullable<ImportDraft['refs']>> {
  if (draft.refs !== null) return draft.refs;
  const refs = await toFileRefs(draft.files, (file, bytesRead, totalBytes) => setState({ importProgress: { file: `Uploading ${file}`, bytesRead, totalBytes } }));
  patchDraft({ refs });
  return refs;
}

/** Uploads the files if needed and asks the host for columns, rows and a suggested mapping. */
export async function previewDraft(): Promise<void> {
  const draft = getState().draft;
  if (draft === null || draft.previewing) return;
  patchDraft({ previewing: true });
  setState({ importError: null });
  try {
    const previews = await invoke('datasets.preview', { files: [...(await uploadDraft(draft))] });
    patchDraft({ previews, mapping: initialMapping(previews), previewing: false });
  } catch (error) {
    patchDraft({ previewing: false, refs: null });
    setState({ importError: toApiError(error) });
  } finally {
    setState({ importProgress: null });
  }
}

/** Files dropped or picked: detect the format and a default name; generic tables get previewed. */
export function chooseFiles(files: readonly File[]): void {
  if (files.length === 0) return;
  if (files.length > MAX_IMPORT_FILES) {
    setState({ importError: { code: 'validation', message: `Choose at most ${MAX_IMPORT_FILES} files.` } });
    return;
  }
  const described = describeFiles(files);
  const format = detectFormat(described);
  const draft: ImportDraft = {
    files, format, name: defaultDatasetName(described), refs: null, previews: null, previewing: false,
    mapping: {}, minInteractions: MIN_INTERACTIONS, options: DEFAULT_OPTIONS,
  };
  setState({ draft, importError: null, importProgress: null, lastImport: null });
  if (needsMapping(format)) void previewDraft();
}

/** Changes the format; switching to a mapped format previews the files. */
export function changeDraftFormat(format: DatasetFormat): void {
  getState().setDraftFormat(format);
  const draft = getState().draft;
  if (draft !== null && needsMapping(format) && draft.previews === null) void previewDraft();
}

function requestOf(draft: ImportDraft, files: NonNullable<ImportDraft['refs']>): ImportRequest {
  const base = { name: draft.name.trim(), format: draft.format, files: [...files], minInteractions: draft.minInteractions };
  if (!needsMapping(draft.format)) return base;
  const checked = checkMapping(draft.mapping);
  if (!checked.ok) throw { code: 'validation', message: checked.errors.join('; ') };
  const { text, ...roles } = checked.mapping;
  return { ...base, mapping: { ...roles, ...(text ? { text: [...text] } : {}) }, options: draft.options };
}

/** Imports the draft atomically; uploads are consumed by the host, so a retry uploads again. */
export async function importDraft(): Promise<void> {
  const { draft, importing } = getState();
  if (draft === null || importing) return;
  setState({ importing: true, importError: null, importProgress: null });
  try {
    const request = requestOf(draft, await uploadDraft(draft));
    const result = await invoke('datasets.import', request);
    setState((s) => ({ datasets: upsertDataset(s.datasets, result.dataset), draft: null, importing: false, lastImport: result }));
  } catch (error) {
    patchDraft({ refs: null });
    setState({ importError: toApiError(error), importing: false });
  } finally {
    setState({ importProgress: null });
  }
}
