/**
 * The autoregressive model's vocabulary (§4.1, Fig. 1c): only concept-ID tokens plus specials,
 * no words. Level d's code k is its own token (codes of different levels never share an
 * embedding, as in TIGER), then the disambiguation level's tokens.
 */
import { RecForgeError } from '../../errors';
import type { SemanticIds } from './semanticIds';

/** Special tokens. EOS is reserved (IDs have a fixed length, so decoding never needs it). */
export const SPECIAL_TOKENS = { pad: 0, bos: 1, eos: 2 } as const;
const FIRST_CODE = 3;

/** Token layout of a code vocabulary. */
export interface CodeVocab {
  readonly levels: number; // quantised levels; an item takes levels + 1 tokens
  readonly codes: number;
  readonly disambiguation: number;
  readonly size: number; // 3 + levels · K + disambiguation
}

/** The vocabulary of a set of semantic IDs. */
export function vocabOf(ids: Pick<SemanticIds, 'levels' | 'codes' | 'disambiguation'>): CodeVocab {
  return { levels: ids.levels, codes: ids.codes, disambiguation: ids.disambiguation, size: FIRST_CODE + ids.levels * ids.codes + ids.disambiguation };
}

/** Token of `code` at `level` (level = levels is the disambiguation level). */
export function codeToken(v: CodeVocab, level: number, code: number): number {
  const limit = level === v.levels ? v.disambiguation : v.codes;
  if (level < 0 || level > v.levels || code < 0 || code >= limit) throw new RecForgeError('validation', `no code ${code} at level ${level}`);
  return FIRST_CODE + level * v.codes + code;
}

/** Tokens of item `item` (0-based row of `ids`). */
export function itemTokens(ids: SemanticIds, v: CodeVocab, item: number): number[] {
  const w = ids.levels + 1;
  return Array.from(ids.ids.subarray(item * w, (item + 1) * w), (c, d) => codeToken(v, d, c));
}
