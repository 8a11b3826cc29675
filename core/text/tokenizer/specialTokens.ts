/**
 * Finds the pad / eos / bos ids of a Hugging Face tokenizer. tokenizer_config.json names them
 * (as strings or {content} objects); without it, a well-known end-of-text added token is used.
 * bos counts only when the tokenizer itself would prepend it, so the engine can apply one rule:
 * "prepend bosId when defined".
 */
import type { Tokenizer } from '@huggingface/tokenizers';
import { RecForgeError } from '../../errors';

/** Special ids of a tokenizer (see TextTokenizer). */
export interface SpecialIds {
  readonly eosId: number;
  readonly padId: number;
  readonly bosId?: number;
}

/** File names used in error locations. */
export interface TokenizerFileNames {
  readonly json: string;
  readonly config: string;
}

/** End-of-text tokens of common model families, tried in order when tokenizer_config.json is absent. */
const EOS_FALLBACKS = ['</s>', '<|endoftext|>', '<eos>', '<|end_of_text|>', '<|im_end|>'];

/** The string of a special-token field (`"</s>"` or `{ "content": "</s>", … }`), or undefined. */
export function tokenContent(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { content?: unknown }).content === 'string') return (value as { content: string }).content;
  return undefined;
}

function idOfField(tok: Tokenizer, config: Readonly<Record<string, unknown>>, field: string, files: TokenizerFileNames): number | undefined {
  const content = tokenContent(config[field]);
  if (content === undefined) return undefined;
  const id = tok.token_to_id(content);
  if (id === undefined) throw new RecForgeError('import', `${field} ${JSON.stringify(content)} is not a token of ${files.json}`, { file: files.config, field, expected: `a token of ${files.json}` });
  return id;
}

function eosFallback(tok: Tokenizer): number | undefined {
  for (const name of EOS_FALLBACKS) {
    const id = tok.token_to_id(name);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The id the tokenizer's post-processor prepends (e.g. LLaMA's <s>), or undefined. */
function prependedId(tok: Tokenizer): number | undefined {
  const plain = tok.encode('a', { add_special_tokens: false }).ids;
  const withSpecial = tok.encode('a', { add_special_tokens: true }).ids;
  const first = withSpecial[0];
  return withSpecial.length > plain.length && first !== plain[0] ? first : undefined;
}

/** Resolves special ids; RecForgeError('import') when no eos token can be found. */
export function resolveSpecialIds(tok: Tokenizer, config: Readonly<Record<string, unknown>>, files: TokenizerFileNames): SpecialIds {
  const eosId = idOfField(tok, config, 'eos_token', files) ?? eosFallback(tok);
  if (eosId === undefined) {
    throw new RecForgeError('import', 'tokenizer has no end-of-sequence token', { file: files.config, field: 'eos_token', expected: `a token of ${files.json} (or one of ${EOS_FALLBACKS.join(' ')})` });
  }
  const padId = idOfField(tok, config, 'pad_token', files) ?? eosId;
  const configBos = idOfField(tok, config, 'bos_token', files);
  // tokenizer_config's add_bos_token wins over tokenizer.json's template, as transformers' fast LLaMA tokenizer rebuilds the template from it.
  const bosId = config.add_bos_token === false ? undefined : config.add_bos_token === true ? (configBos ?? prependedId(tok)) : prependedId(tok);
  return { eosId, padId, ...(bosId === undefined ? {} : { bosId }) };
}
