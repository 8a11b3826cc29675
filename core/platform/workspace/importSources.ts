/**
 * Turns an import request's files into parsed data: picks the files a format needs, opens them
 * as text (gzip and encodings handled by openTextSource) and runs the pure parser.
 */
import { parseInteractionsCsv } from '../../data/csv/parse';
import { parseMovieLens100k } from '../../data/movielens/parse';
import type { ItemInfo, ParsedDataset, RawInteraction } from '../../data/types';
import { RecForgeError } from '../../errors';
import type { DatasetFormat, ImportProgress } from '../../protocol/dto';
import { openTextSource } from '../textFile';
import type { TextEncoding } from '../textFile';

/** A file to import: its display name (used in error locations) and where it is on disk. */
export interface ImportFile {
  readonly name: string;
  readonly path: string;
}

type Progress = ((p: ImportProgress) => void) | undefined;

/** Parses the files of one import request. */
export async function parseImportFiles(format: DatasetFormat, files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  if (files.length === 0) throw new RecForgeError('validation', 'no files to import');
  return format === 'movielens-100k' ? parseMovieLensFiles(files, onProgress) : parseCsvFiles(files, onProgress);
}

function open(f: ImportFile, encoding: TextEncoding, onProgress: Progress) {
  return openTextSource(f.path, onProgress ? { name: f.name, encoding, onProgress } : { name: f.name, encoding });
}

/** u.data and u.item are required, u.genre optional; matched by base name, '.gz' ignored. */
async function parseMovieLensFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const find = (wanted: string): ImportFile | undefined =>
    files.find((f) => f.name.split(/[\\/]/).pop()?.toLowerCase().replace(/\.gz$/, '') === wanted);
  const need = (wanted: string): ImportFile => {
    const f = find(wanted);
    if (f) return f;
    const got = files.map((x) => x.name).join(', ');
    throw new RecForgeError('import', `MovieLens-100k import needs ${wanted} (got: ${got})`, { file: wanted, expected: `'${wanted}' among the files` });
  };
  const data = need('u.data');
  const item = need('u.item');
  const genre = find('u.genre');
  return parseMovieLens100k({
    data: await open(data, 'utf-8', onProgress),
    item: await open(item, 'latin1', onProgress), // u.item is ISO-8859-1
    ...(genre ? { genre: await open(genre, 'utf-8', onProgress) } : {}),
  });
}

/** Several CSVs are concatenated in the given order (e.g. one file per domain). */
async function parseCsvFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const interactions: RawInteraction[] = [];
  const items = new Map<string, ItemInfo>();
  for (const f of files) {
    const part = await parseInteractionsCsv(await open(f, 'utf-8', onProgress));
    for (const x of part.interactions) interactions.push(x);
    for (const [id, info] of part.items) if (!items.has(id)) items.set(id, info);
  }
  return { interactions, items };
}
