import type { DatasetFormat } from '../../core/protocol';

/** What the import form knows about a chosen file. */
export interface ChosenFile {
  readonly name: string;
  /** Absolute path (Electron) when known. */
  readonly path?: string;
  /** Path relative to a picked folder (webkitRelativePath), '' when none. */
  readonly relativePath?: string;
}

const MOVIELENS_MARKER = 'u.data';
const MOVIELENS_DEFAULT_NAME = 'ml-100k';

/** Any file named u.data → 'movielens-100k', anything else → 'csv'. */
export function detectFormat(files: readonly ChosenFile[]): DatasetFormat {
  return files.some((f) => f.name.toLowerCase() === MOVIELENS_MARKER) ? 'movielens-100k' : 'csv';
}

function parentFolder(path: string | undefined): string | null {
  if (path === undefined || path === '') return null;
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  return segments.length >= 2 ? (segments[segments.length - 2] ?? null) : null;
}

function stripExtension(name: string): string {
  const withoutGz = name.replace(/\.gz$/i, '');
  const dot = withoutGz.lastIndexOf('.');
  return dot > 0 ? withoutGz.slice(0, dot) : withoutGz;
}

/** Default dataset name: the folder holding u.data (or 'ml-100k'), else the first file's base name. */
export function defaultDatasetName(files: readonly ChosenFile[]): string {
  const first = files[0];
  if (first === undefined) return '';
  const marker = files.find((f) => f.name.toLowerCase() === MOVIELENS_MARKER);
  if (marker !== undefined) {
    return parentFolder(marker.path) ?? parentFolder(marker.relativePath) ?? MOVIELENS_DEFAULT_NAME;
  }
  return parentFolder(first.relativePath) ?? stripExtension(first.name);
}
