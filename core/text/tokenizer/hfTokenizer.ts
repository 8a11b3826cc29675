/**
 * A TextTokenizer over any Hugging Face tokenizer.json (BPE, WordPiece, Unigram) through
 * @huggingface/tokenizers. Takes file contents, not paths: reading files is core/platform's job
 * (core/platform/hf/tokenizerFolder.ts).
 */
import { Tokenizer } from '@huggingface/tokenizers';
import { RecForgeError } from '../../errors';
import { checkTokenizerJson } from './hfSchema';
import { resolveSpecialIds, tokenContent } from './specialTokens';
import type { TokenizerFileNames } from './specialTokens';
import type { DecodeOptions, TextTokenizer } from './types';

/** Decoded JSON of a tokenizer folder. */
export interface HfTokenizerSource {
  /** tokenizer.json, decoded. */
  readonly tokenizerJson: unknown;
  /** tokenizer_config.json, decoded, when the folder has one. */
  readonly tokenizerConfig?: unknown;
}

const DEFAULT_NAMES: TokenizerFileNames = { json: 'tokenizer.json', config: 'tokenizer_config.json' };
const TOKEN_FIELDS = ['bos_token', 'eos_token', 'pad_token', 'unk_token', 'sep_token', 'cls_token', 'mask_token'];

/** tokenizer_config.json with {content} token objects flattened to strings (what the library reads). */
function checkConfig(value: unknown, files: TokenizerFileNames): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecForgeError('import', `${files.config} is not a JSON object`, { file: files.config, expected: 'a JSON object' });
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const f of TOKEN_FIELDS) if (f in out) out[f] = tokenContent(out[f]) ?? null;
  return out;
}

function construct(json: unknown, config: Record<string, unknown>, files: TokenizerFileNames): Tokenizer {
  const checked = checkTokenizerJson(json, files.json);
  try {
    return new Tokenizer(checked.json, config);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new RecForgeError('import', `${files.json} cannot be loaded (${why})`, { file: files.json, expected: 'a tokenizer.json supported by @huggingface/tokenizers' });
  }
}

function vocabSizeOf(tok: Tokenizer): number {
  let max = -1;
  for (const id of tok.get_vocab(true).values()) if (id > max) max = id;
  return max + 1;
}

function encodeWith(tok: Tokenizer, text: string): number[] {
  const ids = tok.encode(text, { add_special_tokens: false }).ids;
  if (ids.some((id) => id === undefined)) throw new RecForgeError('validation', 'text has characters this tokenizer cannot encode and it defines no unknown token');
  return ids;
}

function decodeWith(tok: Tokenizer, vocabSize: number, cleanUp: boolean, ids: readonly number[], opts: DecodeOptions): string {
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize || tok.id_to_token(id) === undefined) throw new RecForgeError('validation', `token id ${id} is outside the vocabulary (0..${vocabSize - 1})`);
  }
  if (ids.length === 0) return ''; // the library rejects empty input
  return tok.decode([...ids], { skip_special_tokens: opts.skipSpecial === true, clean_up_tokenization_spaces: cleanUp });
}

/**
 * Builds a TextTokenizer from decoded tokenizer.json (+ tokenizer_config.json). Spaces are cleaned on
 * decode only when the config asks for it (clean_up_tokenization_spaces: true), since it is lossy.
 * Throws RecForgeError('import') located at the offending file and field.
 */
export function createHfTokenizer(source: HfTokenizerSource, files: TokenizerFileNames = DEFAULT_NAMES): TextTokenizer {
  const config = checkConfig(source.tokenizerConfig, files);
  const tok = construct(source.tokenizerJson, config, files);
  const specials = resolveSpecialIds(tok, config, files);
  const vocabSize = vocabSizeOf(tok);
  const cleanUp = config.clean_up_tokenization_spaces === true;
  return {
    vocabSize,
    ...specials,
    encode: (text) => encodeWith(tok, text),
    decode: (ids, opts = {}) => decodeWith(tok, vocabSize, cleanUp, ids, opts),
  };
}
