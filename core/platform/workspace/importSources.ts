/**
 * Turns an import request's files into parsed data: picks the files a format needs, opens them
 * as text (gzip and encodings handled by openTextSource) and runs the pure parser.
 */
import { concatDatasets } from '../../data/concat';
import { parseInteractionsCsv } from '../../data/csv/parse';
import { parseMovieLens100k } from '../../data/movielens/parse';
import { legacyTextSource } from '../../data/movielens/legacyText';
import type { ParsedDataset } from '../../data/types';
import { RecForgeError } from '../../errors';
import type { DatasetFormat } from '../../protocol/dto';
import { findFile, needFile, openImportFile } from './importFiles';
import type { ImportFile, Progress } from './importFiles';
import { parseAmazonFiles, parseMovieLens1mFiles, parseMovieLensCsvFiles, parseRecBoleFiles } from './importFormats';

export type { ImportFile } from './importFiles';

type FormatParser = (files: readonly ImportFile[], onProgress: Progress) => Promise<ParsedDataset>;

/** Formats with a dedicated parser; tsv, jsonl and parquet only go through the mapped DuckDB path. */
export type ParsedFormat = Exclude<DatasetFormat, 'tsv' | 'jsonl' | 'parquet'>;

const PARSERS: Readonly<Record<ParsedFormat, FormatParser>> = {
  'movielens-100k': parseMovieLensFiles,
  csv: parseCsvFiles,
  'movielens-1m': parseMovieLens1mFiles,
  'movielens-csv': parseMovieLensCsvFiles,
  'amazon-2014': (files, p) => parseAmazonFiles('2014', files, p),
  'amazon-2018': (files, p) => parseAmazonFiles('2018', files, p),
  'amazon-2023': (files, p) => parseAmazonFiles('2023', files, p),
  recbole: parseRecBoleFiles,
};

/** Parses the files of one import request. */
export async function parseImportFiles(format: ParsedFormat, files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  if (files.length === 0) throw new RecForgeError('validation', 'no files to import');
  return PARSERS[format](files, onProgress);
}

/** u.data and u.item are required, u.genre optional; matched by base name, '.gz' ignored. */
async function parseMovieLensFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const data = needFile(files, 'u.data', 'MovieLens-100k');
  const item = needFile(files, 'u.item', 'MovieLens-100k');
  const genre = findFile(files, 'u.genre');
  return parseMovieLens100k({
    data: await openImportFile(data, 'utf-8', onProgress),
    item: legacyTextSource(await openImportFile(item, 'latin1', onProgress)), // ISO-8859-1, or UTF-8 in re-saved copies
    ...(genre ? { genre: await openImportFile(genre, 'utf-8', onProgress) } : {}),
  });
}

/** Several CSVs are concatenated in the given order (e.g. one file per domain). */
async function parseCsvFiles(files: readonly ImportFile[], onProgress: Progress): Promise<ParsedDataset> {
  const parts: ParsedDataset[] = [];
  for (const f of files) parts.push(await parseInteractionsCsv(await openImportFile(f, 'utf-8', onProgress)));
  return concatDatasets(parts);
}
