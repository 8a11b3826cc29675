/** Opening and picking the files of an import request (by base name, '.gz' ignored). */
import type { TextSource } from '../../data/types';
import { RecForgeError } from '../../errors';
import type { ImportProgress } from '../../protocol/dto';
import { openTextSource } from '../textFile';
import type { TextEncoding } from '../textFile';

/** A file to import: its display name (used in error locations) and where it is on disk. */
export interface ImportFile {
  readonly name: string;
  readonly path: string;
}

/** Progress callback of an import, if any. */
export type Progress = ((p: ImportProgress) => void) | undefined;

/** Opens one file as text (gzip detected by magic bytes). */
export function openImportFile(f: ImportFile, encoding: TextEncoding, onProgress: Progress): Promise<TextSource> {
  return openTextSource(f.path, onProgress ? { name: f.name, encoding, onProgress } : { name: f.name, encoding });
}

/** Lower-cased base name without a trailing '.gz'. */
export function baseName(f: ImportFile): string {
  return (f.name.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/\.gz$/, '');
}

/** The file whose base name is `wanted`, if any. */
export function findFile(files: readonly ImportFile[], wanted: string): ImportFile | undefined {
  return files.find((f) => baseName(f) === wanted);
}

/** The file whose base name is `wanted`; a located 'import' error naming `label` otherwise. */
export function needFile(files: readonly ImportFile[], wanted: string, label: string): ImportFile {
  const f = findFile(files, wanted);
  if (f) return f;
  const got = files.map((x) => x.name).join(', ');
  throw new RecForgeError('import', `${label} import needs ${wanted} (got: ${got})`, { file: wanted, expected: `'${wanted}' among the files` });
}

/** Opens several files in order. */
export async function openAll(files: readonly ImportFile[], encoding: TextEncoding, onProgress: Progress): Promise<TextSource[]> {
  const out: TextSource[] = [];
  for (const f of files) out.push(await openImportFile(f, encoding, onProgress));
  return out;
}
