/**
 * The generation_config.json fields the studio shows and the decoder needs (eos / bos / pad ids,
 * length limits). Unknown fields are ignored; a field of the wrong type is reported, not guessed.
 */
import { z } from 'zod';
import { zodError } from '../../models/lm/zodIssue';
import { readJsonObject } from './inspectJson';

/** File name transformers uses. */
export const GENERATION_FILE = 'generation_config.json';

const tokenId = z.number().int().nonnegative();
const schema = z.looseObject({
  eos_token_id: z.union([tokenId, z.array(tokenId)]).nullish(),
  bos_token_id: tokenId.nullish(),
  pad_token_id: tokenId.nullish(),
  max_new_tokens: z.number().int().positive().nullish(),
  max_length: z.number().int().positive().nullish(),
});

/** generation_config.json in engine naming (absent fields left out). */
export interface GenerationSummary {
  readonly eosTokenId?: number | readonly number[];
  readonly bosTokenId?: number;
  readonly padTokenId?: number;
  readonly maxNewTokens?: number;
  readonly maxLength?: number;
}

const defined = <K extends string, V>(key: K, v: V | null | undefined): { [P in K]?: V } => (v === null || v === undefined ? {} : ({ [key]: v } as { [P in K]: V }));

/** Reads `dir/generation_config.json`; RecForgeError('import') located at the file and field. */
export async function readGenerationSummary(dir: string): Promise<GenerationSummary> {
  const parsed = schema.safeParse(await readJsonObject(dir, GENERATION_FILE));
  if (!parsed.success) throw zodError('import', 'generation config', GENERATION_FILE, parsed.error);
  const g = parsed.data;
  return {
    ...defined('eosTokenId', g.eos_token_id),
    ...defined('bosTokenId', g.bos_token_id),
    ...defined('padTokenId', g.pad_token_id),
    ...defined('maxNewTokens', g.max_new_tokens),
    ...defined('maxLength', g.max_length),
  };
}
