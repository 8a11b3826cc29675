/**
 * Writes a trained BpeModel as Hugging Face files: tokenizer.json (BPE model with vocab and merges,
 * ByteLevel pre-tokenizer and decoder, special tokens as added_tokens, a template adding bos) and
 * tokenizer_config.json (special token names, add_bos_token), loadable by transformers'
 * PreTrainedTokenizerFast and by @huggingface/tokenizers.
 */
import { specialList } from './bpeModel';
import type { BpeModel } from './bpeModel';

/** The two JSON objects of a tokenizer folder. */
export interface HfTokenizerFiles {
  readonly tokenizerJson: Record<string, unknown>;
  readonly tokenizerConfig: Record<string, unknown>;
}

/** ByteLevel without a prefix space: GPT-2's pattern, text kept exactly (decode(encode(x)) === x). */
const BYTE_LEVEL = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };

function addedTokens(model: BpeModel): Record<string, unknown>[] {
  return specialList(model.specials).map((content) => ({
    id: model.vocab.indexOf(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
}

/** Post-processor prepending bos when the model wants it (HF's add_special_tokens=True path). */
function postProcessor(model: BpeModel): Record<string, unknown> | null {
  if (!model.addBos) return null;
  const bos = model.specials.bos;
  const seq = (id: 'A' | 'B', typeId: number): Record<string, unknown> => ({ Sequence: { id, type_id: typeId } });
  const special = (typeId: number): Record<string, unknown> => ({ SpecialToken: { id: bos, type_id: typeId } });
  return {
    type: 'TemplateProcessing',
    single: [special(0), seq('A', 0)],
    pair: [special(0), seq('A', 0), special(1), seq('B', 1)],
    special_tokens: { [bos]: { id: bos, ids: [model.vocab.indexOf(bos)], tokens: [bos] } },
  };
}

function bpeSection(model: BpeModel): Record<string, unknown> {
  return {
    type: 'BPE',
    dropout: null,
    unk_token: model.specials.unk,
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: false,
    byte_fallback: false,
    ignore_merges: false,
    vocab: Object.fromEntries(model.vocab.map((t, i) => [t, i])), // fromEntries: "__proto__" stays a key
    merges: model.merges.map(([a, b]) => [a, b]),
  };
}

/** tokenizer.json and tokenizer_config.json objects of `model`. */
export function bpeModelToHfFiles(model: BpeModel): HfTokenizerFiles {
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens(model),
    normalizer: null,
    pre_tokenizer: BYTE_LEVEL,
    post_processor: postProcessor(model),
    decoder: BYTE_LEVEL,
    model: bpeSection(model),
  };
  const s = model.specials;
  const tokenizerConfig = {
    tokenizer_class: 'PreTrainedTokenizerFast',
    bos_token: s.bos,
    eos_token: s.eos,
    pad_token: s.pad,
    unk_token: s.unk,
    add_bos_token: model.addBos,
    add_eos_token: false,
    clean_up_tokenization_spaces: false,
  };
  return { tokenizerJson, tokenizerConfig };
}
