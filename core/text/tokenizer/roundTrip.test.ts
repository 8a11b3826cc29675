/**
 * Acceptance: a tokenizer trained here, written as tokenizer.json and loaded back with
 * @huggingface/tokenizers, encodes every text to the same ids as our own encoder, and both decode
 * back to the text (byte-level BPE is lossless).
 */
import { Tokenizer } from '@huggingface/tokenizers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBpeTokenizer } from './bpeTokenizer';
import { trainBpe } from './bpeTrainer';
import { bpeModelToHfFiles } from './hfJson';
import { createHfTokenizer } from './hfTokenizer';
import { titleCorpus } from './testCorpus';

const model = trainBpe(titleCorpus(3000), { vocabSize: 600 });
const files = JSON.parse(JSON.stringify(bpeModelToHfFiles(model))) as { tokenizerJson: object; tokenizerConfig: object }; // as if read from disk
const own = createBpeTokenizer(model);
const hf = createHfTokenizer(files);
const raw = new Tokenizer(files.tokenizerJson, files.tokenizerConfig);

const SAMPLES = [
  '',
  'Toy Story (1995)',
  'the dark knight returns',
  'Café naïve über straße — 日本語の本 🎬👍🏽',
  'Price: $12.99, 3x USB-C cables!!! 100% off?',
  "don't it's we're I'll you've he'd I'm",
  '   leading and trailing spaces   ',
  'tabs\tand\nnew\r\nlines\n\n',
  '0123456789 1,000,000 3.14159 -42',
  'never seen: qzxj wkrp 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'specials inline <eos> and <pad><bos>x<unk> and <eo s>',
  '<<eos>>',
  '\u0000\u0001 control \u007f \u00a0nbsp \u00ad soft hyphen',
];

describe('trained tokenizer ↔ @huggingface/tokenizers', () => {
  it.each(SAMPLES)('same ids and lossless decode: %j', (text) => {
    const ids = own.encode(text);
    expect(hf.encode(text)).toEqual(ids);
    expect(raw.encode(text, { add_special_tokens: false }).ids).toEqual(ids);
    expect(own.decode(ids)).toBe(text);
    expect(hf.decode(ids)).toBe(text);
  });

  it('agrees on random unicode strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), (a, b) => {
        const text = a + b;
        const ids = own.encode(text);
        expect(hf.encode(text)).toEqual(ids);
        expect(own.decode(ids)).toBe(hf.decode(ids));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('lone surrogates become U+FFFD in both', () => {
    const text = 'a\ud800b\udc00';
    expect(hf.encode(text)).toEqual(own.encode(text));
    expect(own.decode(own.encode(text))).toBe('a\ufffdb\ufffd');
  });

  it('decodes token slices that cut a multi-byte character like the library', () => {
    const ids = own.encode('日本🎬é');
    for (let i = 0; i < ids.length; i++) for (let j = i; j <= ids.length; j++) {
      expect(own.decode(ids.slice(i, j))).toBe(hf.decode(ids.slice(i, j)));
    }
  });

  it('special tokens: ids, skipSpecial, bos template', () => {
    expect([own.padId, own.eosId, own.bosId]).toEqual([0, 1, 2]);
    expect([hf.padId, hf.eosId, hf.bosId, hf.vocabSize]).toEqual([0, 1, 2, own.vocabSize]);
    const ids = own.encode('<bos>hi<eos>');
    expect(ids[0]).toBe(2);
    expect(ids[ids.length - 1]).toBe(1);
    expect(own.decode(ids, { skipSpecial: true })).toBe('hi');
    expect(hf.decode(ids, { skipSpecial: true })).toBe('hi');
    expect(raw.encode('hi').ids).toEqual([2, ...own.encode('hi')]); // add_special_tokens path prepends bos
  });
});
