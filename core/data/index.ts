/** Public surface of core/data: parsers, preprocessing and the demo generator (all pure). */
export type { ItemInfo, ParsedDataset, RawInteraction, TextSource } from './types';
export { splitLines, textChunks } from './lines';
export type { NumberedLine } from './lines';
export { parseMovieLens100k } from './movielens/parse';
export type { MovieLensSources } from './movielens/parse';
export { ML100K_GENRES } from './movielens/genres';
export { parseInteractionsCsv } from './csv/parse';
export { csvRecords, CsvTokenizer } from './csv/tokenizer';
export type { CsvRecord } from './csv/tokenizer';
export { prepareDataset } from './preprocess/prepare';
export type { PreparedDataset, PreparedItem, PreparedRows } from './preprocess/prepare';
export { kCore } from './preprocess/kcore';
export { compareRawIds } from './preprocess/rawIds';
export { chronologicalOrder } from './preprocess/chronological';
export { buildLeaveOneOut } from './preprocess/leaveOneOut';
export { generateDemoDataset, defaultDemoOptions } from './demo/generate';
export type { DemoDataset, DemoOptions } from './demo/generate';
