import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { createBpeTokenizer } from '../../text/tokenizer/bpeTokenizer';
import { buildPretrainCorpus, splitUsers } from './corpus';
import type { CorpusOptions } from './corpus';
import { encodeCorpus, exampleIds, trainPretrainTokenizer } from './encode';
import { tinyPretrainDataset } from './fixtures';
import { chunkHistory, historyText } from './history';
import { planPretrain } from './plan';
import { defaultLmPretrainSettings, parseLmPretrainSettings } from './settings';

const OPTS: CorpusOptions = { seed: 9, valShare: 0.2, excludeLastPerUser: 2, template: 'recbase' };

describe('pretraining corpus', () => {
  it('writes one unified text per item and chronological title histories without the last items', () => {
    const data = { items: [{ title: 'Heat (1995)', genres: ['Crime'], domain: 'movies' }, { title: '<b>Dune</b>', genres: [], domain: 'books' }, { title: 'Up', genres: ['Family'], domain: 'movies' }], userSequences: [[0, 1, 2, 0], [2, 1, 0]] };
    const c = buildPretrainCorpus(data, { ...OPTS, valShare: 0 });
    expect(c.itemTexts[0]).toBe('Describe a movie:\n{\n"title": "Heat (1995)",\n"genres": "Crime"\n}');
    expect(c.itemTexts[1]).toBe('Describe a book:\n{\n"title": "Dune"\n}');
    expect(c.trainHistories).toEqual([['Heat (1995)', 'Dune'], ['Up']]);
    expect(buildPretrainCorpus(data, { ...OPTS, valShare: 0, template: 'cprec' }).itemTexts[0]).toMatch(/^Describe an item:\n/);
  });

  it('is deterministic given the seed and holds out a share of whole users', () => {
    const data = tinyPretrainDataset();
    const a = buildPretrainCorpus(data, OPTS);
    expect(buildPretrainCorpus(data, OPTS)).toEqual(a);
    expect(a.valHistories).toHaveLength(6); // 20 % of 30 users
    expect(a.trainHistories).toHaveLength(24);
    expect(buildPretrainCorpus(data, { ...OPTS, seed: 10 }).valHistories).not.toEqual(a.valHistories);
  });

  it('splits users disjointly, keeping one held-out user for any positive share', () => {
    const users = [0, 1, 2, 3, 4];
    const { train, val } = splitUsers(users, 0.01, 1);
    expect(val).toHaveLength(1);
    expect([...train, ...val].sort()).toEqual(users);
    expect(splitUsers([7], 0.5, 1)).toEqual({ train: [7], val: [] });
  });

  it('rejects item indices outside the catalog with their location', () => {
    const err = (() => {
      try {
        buildPretrainCorpus({ items: [{ title: 'a', genres: [], domain: '' }], userSequences: [[0, 3]] }, OPTS);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location?.field).toBe('userSequences.0.1');
  });
});

describe('history chunks', () => {
  it('cuts titles into consecutive texts that fit, never dropping one', () => {
    const titles = ['aa', 'bbb', 'c', 'dddd', 'ee'];
    const chunks = chunkHistory(titles, (t) => t.length <= historyText(['aa', 'bbb']).length);
    expect(chunks).toEqual([historyText(['aa', 'bbb']), historyText(['c', 'dddd']), historyText(['ee'])]);
    expect(chunkHistory(['a very long title'], () => false)).toEqual([historyText(['a very long title'])]);
  });
});

describe('tokenizer and encoding', () => {
  const s = { ...defaultLmPretrainSettings(), vocabSize: 320, maxLen: 24, valShare: 0.2 };

  it('trains the same tokenizer and ids every time; examples end in eos and fit a row', () => {
    const a = planPretrain(tinyPretrainDataset(), s);
    const b = planPretrain(tinyPretrainDataset(), s);
    expect(b.bpe).toEqual(a.bpe);
    expect(Array.from(b.encoded.train.tokens)).toEqual(Array.from(a.encoded.train.tokens));
    expect(b.encoded.val).toEqual(a.encoded.val);
    const { offsets, tokens, promptLengths } = a.encoded.train;
    for (let e = 0; e + 1 < offsets.length; e++) {
      const end = offsets[e + 1] as number;
      expect(end - (offsets[e] as number)).toBeLessThanOrEqual(s.maxLen);
      expect(promptLengths[e]).toBe(0);
      if (e >= a.encoded.stats.itemExamples) expect(tokens[end - 1]).toBe(a.tokenizer.eosId); // histories are never cut
    }
    expect(a.model.vocabSize).toBe(a.tokenizer.vocabSize);
    expect(a.encoded.stats.historyExamples).toBeGreaterThan(a.corpus.trainHistories.length); // maxLen 24 forces chunks
  });

  it('learns the vocabulary from training users only', () => {
    const corpus = buildPretrainCorpus(tinyPretrainDataset(), OPTS);
    const withoutVal = trainPretrainTokenizer({ ...corpus, valHistories: [] }, 320);
    expect(trainPretrainTokenizer(corpus, 320)).toEqual(withoutVal);
    const tok = createBpeTokenizer(withoutVal);
    expect(exampleIds(tok, 'x')).toEqual([...tok.encode('x'), tok.eosId]);
    expect(encodeCorpus(corpus, tok, 64).val.length).toBeGreaterThanOrEqual(corpus.valHistories.length);
  });
});

describe('settings', () => {
  it('fills defaults and locates cross-field errors', () => {
    expect(parseLmPretrainSettings({ steps: 5 })).toMatchObject({ steps: 5, hidden: 64, heads: 4, kvHeads: 2, maxLen: 128, vocabSize: 2000 });
    expect(() => parseLmPretrainSettings({ hidden: 66 })).toThrow(/hidden/);
    const err = (() => {
      try {
        parseLmPretrainSettings({ heads: 4, kvHeads: 3 });
      } catch (e) {
        return e as RecForgeError;
      }
    })();
    expect(err?.location?.field).toBe('kvHeads');
    expect(() => parseLmPretrainSettings({ nope: 1 })).toThrow(RecForgeError);
  });
});
