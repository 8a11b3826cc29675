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

/**
 * File-name rules, first match wins. Amazon 2014 and 2018 share their layout, so a plain
 * `.json` review file is a guess the user can override in the format select.
 */
const RULES: readonly { readonly test: (name: string) => boolean; readonly format: DatasetFormat }[] = [
  { test: (n) => n === MOVIELENS_MARKER, format: 'movielens-100k' },
  { test: (n) => n === 'ratings.dat', format: 'movielens-1m' },
  { test: (n) => n === 'ratings.csv', format: 'movielens-csv' },
  { test: (n) => n.endsWith('.inter'), format: 'recbole' },
  { test: (n) => /\.jsonl(\.gz)?$/.test(n), format: 'amazon-2023' },
  { test: (n) => /^reviews_.*\.json(\.gz)?$/.test(n), format: 'amazon-2014' },
  { test: (n) => /\.json(\.gz)?$/.test(n), format: 'amazon-2018' },
  { test: (n) => /\.tsv(\.gz)?$/.test(n), format: 'tsv' },
  { test: (n) => n.endsWith('.parquet'), format: 'parquet' },
];

/** Detects the import format from the chosen files' names; 'csv' when nothing matches. */
export function detectFormat(files: readonly ChosenFile[]): DatasetFormat {
  const names = files.map((f) => f.name.toLowerCase());
  return RULES.find((rule) => names.some(rule.test))?.format ?? 'csv';
}

/** Files a format cannot be imported without (the importer names them too, but only after Import is pressed). */
const REQUIRED: Partial<Readonly<Record<DatasetFormat, readonly string[]>>> = {
  'movielens-100k': ['u.data', 'u.item'],
  'movielens-1m': ['ratings.dat'],
  'movielens-csv': ['ratings.csv'],
};

/** The files `format` needs that are not among the chosen ones. */
export function missingFiles(format: DatasetFormat, files: readonly ChosenFile[]): string[] {
  const names = new Set(files.map((f) => f.name.toLowerCase()));
  return (REQUIRED[format] ?? []).filter((name) => !names.has(name));
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
