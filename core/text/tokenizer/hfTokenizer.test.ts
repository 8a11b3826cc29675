/**
 * createHfTokenizer on hand-written tokenizer.json files of the three model types, special-token
 * resolution from tokenizer_config.json, and located errors for what it cannot load.
 */
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { trainBpe } from './bpeTrainer';
import { bpeModelToHfFiles } from './hfJson';
import { createHfTokenizer } from './hfTokenizer';
import type { HfTokenizerSource } from './hfTokenizer';

const added = (id: number, content: string): object => ({ id, content, special: true, normalized: false, lstrip: false, rstrip: false, single_word: false });
const sep = (id: string, typeId = 0): object => ({ SpecialToken: { id, type_id: typeId } });

/** BERT-like WordPiece with a [CLS] A [SEP] template. */
const WORDPIECE = {
  added_tokens: [added(0, '[PAD]'), added(1, '[UNK]'), added(2, '[CLS]'), added(3, '[SEP]')],
  normalizer: { type: 'BertNormalizer', lowercase: true, clean_text: true, handle_chinese_chars: true, strip_accents: null },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: { type: 'TemplateProcessing', single: [sep('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, sep('[SEP]')], pair: [], special_tokens: {} },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: { '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3, toy: 4, story: 5, '##s': 6, '!': 7 } },
};

/** T5-like Unigram with Metaspace, no post-processor; section keys omitted (filled with null). */
const UNIGRAM = {
  added_tokens: [added(0, '<pad>'), added(1, '</s>'), added(2, '<unk>')],
  pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always' },
  decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always' },
  model: { type: 'Unigram', unk_id: 2, vocab: [['<pad>', 0], ['</s>', 0], ['<unk>', 0], ['▁hello', -1], ['▁world', -1.5], ['▁', -3], ['h', -4], ['e', -4], ['l', -4], ['o', -4]] },
};

function importError(source: HfTokenizerSource): RecForgeError {
  try {
    createHfTokenizer(source);
  } catch (err) {
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).code).toBe('import');
    return err as RecForgeError;
  }
  throw new Error('expected an import error');
}

describe('createHfTokenizer', () => {
  it('WordPiece: lowercases, splits subwords, specials from a {content} config', () => {
    const tok = createHfTokenizer({ tokenizerJson: WORDPIECE, tokenizerConfig: { eos_token: { content: '[SEP]', __type: 'AddedToken' }, pad_token: '[PAD]' } });
    expect(tok.encode('Toys story!')).toEqual([4, 6, 5, 7]);
    expect([tok.eosId, tok.padId, tok.bosId, tok.vocabSize]).toEqual([3, 0, 2, 8]); // [CLS] is what the template prepends
    expect(tok.decode([4, 6, 5])).toBe('toys story');
  });

  it('Unigram: no config, eos from the well-known names, pad = eos, no bos', () => {
    const tok = createHfTokenizer({ tokenizerJson: UNIGRAM });
    expect(tok.encode('hello world')).toEqual([3, 4]);
    expect(tok.decode([3, 4])).toBe('hello world');
    expect([tok.eosId, tok.padId, tok.bosId]).toEqual([1, 1, undefined]);
  });

  it('Qwen-like: bos_token null and no template → bosId undefined; pad_token null → eos', () => {
    const files = bpeModelToHfFiles(trainBpe(['a b c'], { vocabSize: 260, addBos: false }));
    const tok = createHfTokenizer({ tokenizerJson: files.tokenizerJson, tokenizerConfig: { ...files.tokenizerConfig, bos_token: null, pad_token: null } });
    expect([tok.bosId, tok.padId, tok.eosId]).toEqual([undefined, 1, 1]);
  });

  it('add_bos_token false in tokenizer_config wins over a template that prepends BOS (as transformers rebuilds it)', () => {
    const tok = createHfTokenizer({ tokenizerJson: WORDPIECE, tokenizerConfig: { eos_token: '[SEP]', add_bos_token: false } });
    expect(tok.bosId).toBeUndefined();
  });

  it('a BPE merge whose result is not in the vocabulary, or a missing byte symbol, is refused where it is (text would be dropped silently)', () => {
    const files = bpeModelToHfFiles(trainBpe(['hello hello world'], { vocabSize: 270, addBos: false }));
    const json = files.tokenizerJson as { model: { vocab: Record<string, number>; merges: unknown[] } };
    const first = json.model.merges[0];
    const [a, b] = Array.isArray(first) ? (first as string[]) : String(first).split(' ');
    const { [`${a}${b}`]: _merged, ...withoutResult } = json.model.vocab;
    const merge = importError({ tokenizerJson: { ...json, model: { ...json.model, vocab: withoutResult } } });
    expect(merge.location).toMatchObject({ file: 'tokenizer.json', field: 'model.merges[0]' });
    const { ['Ã']: _byte, ...withoutByte } = json.model.vocab;
    const byte = importError({ tokenizerJson: { ...json, model: { ...json.model, vocab: withoutByte, merges: [] } } });
    expect(byte.location).toMatchObject({ file: 'tokenizer.json', field: 'model.vocab' });
    expect(byte.message).toMatch(/byte 0xc3/);
  });

  it.each([
    ['an unknown pattern kind (every encode would return nothing)', { Regexp: 'x' }, 'Isolated', 'pre_tokenizer.pretokenizers[0].pattern'],
    ['a behaviour the library runs as Isolated', { String: '-' }, 'MergedWithPrevious', 'pre_tokenizer.pretokenizers[0].behavior'],
  ])('a Split pre-tokenizer with %s is refused where it is', (_name, pattern, behavior, field) => {
    const files = bpeModelToHfFiles(trainBpe(['a b c'], { vocabSize: 260, addBos: false }));
    const json = files.tokenizerJson as Record<string, unknown>;
    const pre = { type: 'Sequence', pretokenizers: [{ type: 'Split', pattern, behavior, invert: false }, json.pre_tokenizer] };
    expect(importError({ tokenizerJson: { ...json, pre_tokenizer: pre } }).location).toMatchObject({ file: 'tokenizer.json', field });
  });

  it('keeps a "__proto__" vocab entry (JSON.parse makes it an own key; copies must not drop it)', () => {
    const json = JSON.parse('{"added_tokens":[{"id":0,"content":"</s>","special":true}],"pre_tokenizer":{"type":"WhitespaceSplit"},"decoder":null,"model":{"type":"WordPiece","unk_token":"</s>","vocab":{"</s>":0,"a":1,"__proto__":2}}}') as unknown;
    const tok = createHfTokenizer({ tokenizerJson: json });
    expect(tok.vocabSize).toBe(3);
    expect(tok.encode('a __proto__')).toEqual([1, 2]);
  });

  it('decode: empty ids give "", out-of-range ids are a validation error', () => {
    const tok = createHfTokenizer({ tokenizerJson: UNIGRAM });
    expect(tok.decode([])).toBe('');
    expect(() => tok.decode([99])).toThrow(/outside the vocabulary/);
    expect(() => tok.decode([-1])).toThrow(RecForgeError);
  });

  it.each([
    ['unsupported model type', { ...UNIGRAM, model: { type: 'WordLevel', vocab: {} } }, 'model.type'],
    ['missing model', { added_tokens: [] }, 'model'],
    ['BPE without merges', { ...UNIGRAM, model: { type: 'BPE', vocab: { a: 0 } } }, 'model.merges'],
    ['added_tokens not an array', { ...UNIGRAM, added_tokens: {} }, 'added_tokens'],
  ])('%s → located at tokenizer.json', (_name, json, field) => {
    expect(importError({ tokenizerJson: json }).location).toMatchObject({ file: 'tokenizer.json', field });
  });

  it('a component the library does not know → tokenizer.json error', () => {
    const err = importError({ tokenizerJson: { ...UNIGRAM, pre_tokenizer: { type: 'Nope' } } });
    expect(err.message).toMatch(/Unknown PreTokenizer type: Nope/);
    expect(err.location?.file).toBe('tokenizer.json');
  });

  it('eos_token not in the vocab → located at tokenizer_config.json', () => {
    const err = importError({ tokenizerJson: UNIGRAM, tokenizerConfig: { eos_token: '<|eot|>' } });
    expect(err.location).toMatchObject({ file: 'tokenizer_config.json', field: 'eos_token' });
  });

  it('no end-of-sequence token at all → located at eos_token', () => {
    const err = importError({ tokenizerJson: WORDPIECE, tokenizerConfig: {} });
    expect(err.message).toMatch(/no end-of-sequence token/);
    expect(err.location).toMatchObject({ file: 'tokenizer_config.json', field: 'eos_token' });
  });

  it('tokenizer_config.json that is not an object', () => {
    expect(importError({ tokenizerJson: UNIGRAM, tokenizerConfig: [1] }).location).toMatchObject({ file: 'tokenizer_config.json' });
  });
});
