import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { useTensorSuite } from '../../testing/tensorSuite';
import { decodeQuantiser, encodeQuantiser, semanticIdsFromTable, semanticIdTable } from './exportIds';
import { corpusItemTexts } from './itemTexts';
import { itemContentVectors } from './textEncoder';
import { disposeQuantiser } from './quantiser';
import { defaultQuantiserConfig } from './settings';
import { syntheticCorpus } from './testFixtures';
import { buildTokenizer, semanticIdsOf } from './tokenizer';

useTensorSuite();

describe('semantic ID export / import', () => {
  it('the ID table and the safetensors quantiser both reproduce the IDs exactly', async () => {
    const corpus = syntheticCorpus();
    const v = itemContentVectors(corpusItemTexts(corpus), 32);
    const s = { ...defaultQuantiserConfig(), levels: 2, codes: 16, latentDim: 8, hiddenDim: 32, stepsPerLevel: 20, batchSize: 72 };
    const tok = await buildTokenizer(v, 32, corpus.items.map((_, i) => i), s, 'cl-vae', 9);
    try {
      const itemIds = corpus.items.map((it) => it.id);
      const table = JSON.parse(JSON.stringify(semanticIdTable(itemIds, tok.ids))) as ReturnType<typeof semanticIdTable>;
      const fromTable = semanticIdsFromTable([...table].reverse(), itemIds, s.codes);
      expect(Array.from(fromTable.ids)).toEqual(Array.from(tok.ids.ids));
      expect(fromTable.disambiguation).toBe(tok.ids.disambiguation);
      const bytes = encodeQuantiser(tok.params, { levels: s.levels, codes: s.codes });
      const back = decodeQuantiser(bytes);
      try {
        expect(back.levels).toBe(2);
        expect([...back.params.keys()].sort()).toEqual([...tok.params.keys()].sort());
        const again = semanticIdsOf(back.params, v, 32, back.codes);
        expect(Array.from(again.ids.ids)).toEqual(Array.from(tok.ids.ids));
      } finally {
        tf.dispose([...back.params.values()]);
      }
    } finally {
      disposeQuantiser(tok.params);
    }
  });

  it('rejects a table that misses an item', () => {
    expect(() => semanticIdsFromTable([{ item: 'a', codes: [1, 0] }], ['a', 'b'], 4)).toThrow(/no 2-code row for item b/);
  });
});
