/** BPE training: determinism, vocabulary layout, special tokens, limits and speed. */
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { createBpeTokenizer } from './bpeTokenizer';
import { trainBpe } from './bpeTrainer';
import { BYTE_CHARS } from './byteLevel';
import { titleCorpus } from './testCorpus';

const corpus = titleCorpus(2000);

describe('trainBpe', () => {
  it('is deterministic and independent of text order', () => {
    const a = trainBpe(corpus, { vocabSize: 500 });
    const b = trainBpe(corpus, { vocabSize: 500 });
    const shuffled = trainBpe([...corpus].reverse(), { vocabSize: 500 });
    expect(b).toEqual(a);
    expect(shuffled).toEqual(a);
  });

  it('lays out specials, then the 256 bytes, then merges, up to vocabSize', () => {
    const m = trainBpe(corpus, { vocabSize: 400 });
    expect(m.vocab.slice(0, 4)).toEqual(['<pad>', '<eos>', '<bos>', '<unk>']);
    expect(m.vocab.slice(4, 260)).toEqual(BYTE_CHARS);
    expect(m.vocab).toHaveLength(400);
    expect(new Set(m.vocab).size).toBe(400);
    for (const [x, y] of m.merges) expect(m.vocab).toContain(x + y);
  });

  it('learns frequent words as single tokens', () => {
    const tok = createBpeTokenizer(trainBpe(corpus, { vocabSize: 600 }));
    expect(tok.encode(' story')).toHaveLength(1);
    expect(tok.encode(' wireless')).toHaveLength(1);
    expect(tok.encode('qzx').length).toBe(3);
  });

  it('stops early when pairs are rarer than minFrequency', () => {
    const m = trainBpe(['ab ab ab', 'cd'], { vocabSize: 1000, minFrequency: 2 });
    expect(m.merges).toEqual([['a', 'b'], ['Ġ', 'ab']]);
    expect(m.vocab).toHaveLength(262);
  });

  it('never merges across or into special tokens', () => {
    const m = trainBpe(Array.from({ length: 50 }, () => 'x<eos>y <eos><eos>'), { vocabSize: 300 });
    expect(m.vocab.filter((t) => t.includes('eos'))).toEqual(['<eos>']);
    expect(createBpeTokenizer(m).encode('x<eos>y')).toEqual([m.vocab.indexOf('x'), 1, m.vocab.indexOf('y')]);
  });

  it('custom special tokens and no bos', () => {
    const specials = { pad: '[PAD]', eos: '[EOS]', bos: '[BOS]', unk: '[UNK]' };
    const tok = createBpeTokenizer(trainBpe(corpus, { vocabSize: 300, specials, addBos: false }));
    expect(tok.bosId).toBeUndefined();
    expect(tok.encode('[EOS]')).toEqual([1]);
  });

  it.each([259, 1.5, 2 ** 22])('rejects vocabSize %s', (vocabSize) => {
    expect(() => trainBpe(corpus, { vocabSize })).toThrow(RecForgeError);
  });

  it('rejects duplicate special tokens', () => {
    expect(() => trainBpe(corpus, { vocabSize: 300, specials: { pad: '<s>', eos: '<s>', bos: '<b>', unk: '<u>' } })).toThrow(/distinct/);
  });

  it('trains on 50k titles in a few seconds', () => {
    const titles = titleCorpus(50_000, 3);
    const start = Date.now();
    const m = trainBpe(titles, { vocabSize: 8000 });
    const tok = createBpeTokenizer(m);
    for (const t of titles) tok.encode(t);
    const seconds = (Date.now() - start) / 1000;
    expect(seconds).toBeLessThan(20); // ~2-3 s alone; generous for a shared 2-core machine
  });
});
