/**
 * Tokenizer files of a Hugging Face folder: tokenizer.json (required) and tokenizer_config.json
 * (optional, special tokens). Reading is here, in core/platform; building the tokenizer from the
 * decoded contents is core/text/tokenizer's job.
 */
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RecForgeError } from '../../errors';
import { createHfTokenizer } from '../../text/tokenizer/hfTokenizer';
import type { HfTokenizerFiles } from '../../text/tokenizer/hfJson';
import type { TextTokenizer } from '../../text/tokenizer/types';
import { writeFileAtomic } from '../atomicWrite';
import { readJsonObject } from './inspectJson';

/** File names transformers' save_pretrained uses. */
export const TOKENIZER_FILE = 'tokenizer.json';
export const TOKENIZER_CONFIG_FILE = 'tokenizer_config.json';

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/**
 * The tokenizer files of a HF folder as parsed JSON. RecForgeError('import') naming the file:
 * tokenizer.json missing (e.g. a sentencepiece-only folder) or invalid JSON (line and column).
 */
export async function readTokenizerFiles(dir: string): Promise<HfTokenizerFiles> {
  if (!(await exists(path.join(dir, TOKENIZER_FILE)))) {
    const hasSentencepiece = await exists(path.join(dir, 'tokenizer.model'));
    const hint = hasSentencepiece ? ' (only tokenizer.model is present; convert it with transformers first)' : '';
    throw new RecForgeError('import', `${TOKENIZER_FILE} is missing${hint}`, { file: TOKENIZER_FILE, expected: 'a Hugging Face tokenizer.json' });
  }
  const tokenizerJson = await readJsonObject(dir, TOKENIZER_FILE);
  const hasConfig = await exists(path.join(dir, TOKENIZER_CONFIG_FILE));
  return { tokenizerJson, tokenizerConfig: hasConfig ? await readJsonObject(dir, TOKENIZER_CONFIG_FILE) : {} };
}

/**
 * Loads the tokenizer of a HF folder (errors as readTokenizerFiles, plus an unsupported model type).
 * @example const tok = await loadTokenizerFolder('/models/Qwen2-0.5B'); tok.encode('hello')
 */
export async function loadTokenizerFolder(dir: string): Promise<TextTokenizer> {
  return createHfTokenizer(await readTokenizerFiles(dir));
}

/** Writes tokenizer.json and tokenizer_config.json (atomically; folder created if needed). */
export async function saveTokenizerFolder(dir: string, files: HfTokenizerFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, TOKENIZER_FILE), `${JSON.stringify(files.tokenizerJson)}\n`);
  await writeFileAtomic(path.join(dir, TOKENIZER_CONFIG_FILE), `${JSON.stringify(files.tokenizerConfig, null, 2)}\n`);
}
