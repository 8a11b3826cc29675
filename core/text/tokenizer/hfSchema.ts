/**
 * Checks a decoded tokenizer.json before handing it to @huggingface/tokenizers, whose own errors
 * are bare TypeErrors deep in its constructors. Failures become RecForgeError('import') located at
 * the file and field, and the optional top-level sections the library requires are filled with null.
 */
import { z } from 'zod';
import { RecForgeError } from '../../errors';
import { zodError } from '../../models/lm/zodIssue';
import { checkBpeCoherence } from './bpeCoherence';
import { checkPreTokenizer } from './preTokenizerCheck';

/** Tokenizer model types the library implements (tokenizer.json `model.type`). */
export const SUPPORTED_MODEL_TYPES = ['BPE', 'WordPiece', 'Unigram'] as const;

const addedTokenSchema = z.looseObject({
  id: z.number().int().nonnegative(),
  content: z.string().min(1),
  special: z.boolean().default(false),
});

const modelSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('BPE'), vocab: z.record(z.string(), z.number().int().nonnegative()), merges: z.array(z.union([z.string(), z.tuple([z.string(), z.string()])])) }),
  z.looseObject({ type: z.literal('WordPiece'), vocab: z.record(z.string(), z.number().int().nonnegative()) }),
  z.looseObject({ type: z.literal('Unigram'), vocab: z.array(z.tuple([z.string(), z.number()])) }),
]);

const tokenizerSchema = z.looseObject({
  added_tokens: z.array(addedTokenSchema).default([]),
  normalizer: z.unknown().default(null),
  pre_tokenizer: z.unknown().default(null),
  post_processor: z.unknown().default(null),
  decoder: z.unknown().default(null),
  model: z.looseObject({ type: z.string() }),
});

/** A tokenizer.json that passed the checks. */
export interface CheckedTokenizerJson {
  /** The decoded object as given (zod copies would drop a "__proto__" token), missing sections as null. */
  readonly json: Record<string, unknown>;
  readonly modelType: (typeof SUPPORTED_MODEL_TYPES)[number];
  /** One past the largest id of the model vocab and the added tokens. */
  readonly vocabSize: number;
}

/** Located error for a model type the library cannot run (e.g. a future "WordLevel"). */
function unsupported(type: string, file: string): RecForgeError {
  const expected = SUPPORTED_MODEL_TYPES.join(', ');
  return new RecForgeError('import', `unsupported tokenizer model type ${JSON.stringify(type)}`, { file, field: 'model.type', expected });
}

/** Validates a decoded tokenizer.json; RecForgeError('import') located at `file` and the field. */
export function checkTokenizerJson(json: unknown, file = 'tokenizer.json'): CheckedTokenizerJson {
  const top = tokenizerSchema.safeParse(json);
  if (!top.success) throw zodError('import', 'tokenizer', file, top.error);
  const type = top.data.model.type;
  if (!(SUPPORTED_MODEL_TYPES as readonly string[]).includes(type)) throw unsupported(type, file);
  const model = modelSchema.safeParse(top.data.model);
  if (!model.success) throw underModel(zodError('import', 'tokenizer model', file, model.error));
  const original = json as Record<string, unknown>;
  if (model.data.type === 'BPE') checkBpeCoherence(original, file);
  checkPreTokenizer(original.pre_tokenizer, file);
  const { added_tokens, normalizer, pre_tokenizer, post_processor, decoder } = top.data;
  return {
    json: { ...original, added_tokens: original.added_tokens ?? added_tokens, normalizer, pre_tokenizer, post_processor, decoder },
    modelType: model.data.type,
    vocabSize: vocabSizeOf(original.model as Record<string, unknown>, added_tokens),
  };
}

/** Largest id + 1, read from the original vocab object (every key, "__proto__" included). */
function vocabSizeOf(model: Record<string, unknown>, added: readonly { id: number }[]): number {
  const vocab = model.vocab as Record<string, number> | unknown[];
  let max = Array.isArray(vocab) ? vocab.length - 1 : -1;
  if (!Array.isArray(vocab)) for (const id of Object.values(vocab)) max = Math.max(max, id);
  for (const a of added) max = Math.max(max, a.id);
  return max + 1;
}

/** The same error with its field prefixed by `model.`, so the location names the real JSON path. */
function underModel(err: RecForgeError): RecForgeError {
  const loc = err.location;
  if (loc === undefined) return err;
  return new RecForgeError(err.code, err.detail, { ...loc, field: loc.field === undefined ? 'model' : `model.${loc.field}` });
}
