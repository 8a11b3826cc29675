/**
 * Tokenizer part of the folder report: which tokenizer files exist, the tokenizer.json model type
 * and vocabulary size, checked against the model's embedding rows. A broken tokenizer does not stop
 * the inspection (the model may be used with a workspace-trained tokenizer): its error is reported.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { toApiError } from '../../errors';
import type { ApiError } from '../../protocol/dto';
import { checkTokenizerJson } from '../../text/tokenizer/hfSchema';
import { readJsonObject } from './inspectJson';
import { TOKENIZER_FILE } from './tokenizerFolder';

/** What the folder holds for tokenization. */
export interface TokenizerSummary {
  /** tokenizer.json exists (what loadTokenizerFolder needs). */
  readonly present: boolean;
  /** Tokenizer-related files found. */
  readonly files: readonly string[];
  readonly modelType?: string;
  /** One past the largest token id. */
  readonly vocabSize?: number;
  /** Why tokenizer.json cannot be used, located. */
  readonly problem?: ApiError;
}

const CANDIDATES = [TOKENIZER_FILE, 'tokenizer_config.json', 'special_tokens_map.json', 'tokenizer.model', 'vocab.json', 'merges.txt', 'vocab.txt'];

/** Summarises the tokenizer files of `dir`; `embeddingRows` (config vocab_size) adds a warning when smaller. */
export async function inspectTokenizer(dir: string, embeddingRows: number, warnings: string[]): Promise<TokenizerSummary> {
  const files: string[] = [];
  for (const f of CANDIDATES) if (await access(path.join(dir, f)).then(() => true, () => false)) files.push(f);
  if (!files.includes(TOKENIZER_FILE)) return { present: false, files };
  try {
    const checked = checkTokenizerJson(await readJsonObject(dir, TOKENIZER_FILE));
    const vocabSize = checked.vocabSize;
    if (vocabSize > embeddingRows) warnings.push(`${TOKENIZER_FILE} has ${vocabSize} tokens but config.json vocab_size is ${embeddingRows}: ids past ${embeddingRows - 1} have no embedding`);
    return { present: true, files, modelType: checked.modelType, vocabSize };
  } catch (err) {
    return { present: true, files, problem: toApiError(err) };
  }
}
