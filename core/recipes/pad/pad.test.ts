import { describe, expect, it } from 'vitest';
import { coldItemSplit } from '../../data/splits/coldSplit';
import { useTensorSuite } from '../../testing/tensorSuite';
import { comparePadToSasrec } from './padCompare';
import { coldItemsOf } from '../../data/splits/coldSplit';
import { defaultPadSettings } from './settings';
import { syntheticColdData } from './syntheticCold';

useTensorSuite();

describe('PAD on synthetic cold items whose text predicts interactions', () => {
  it('beats SASRec on cold items and keeps warm items', async () => {
    const d = syntheticColdData({ genres: 5, itemsPerGenre: 16, users: 120, length: 14, loyalty: 0.9, seed: 3 });
    const split = coldItemSplit(d.cols, d.numItems, { fraction: 0.2, strategy: { kind: 'random', seed: 5 } });
    const coldItems = coldItemsOf(split);
    const s = { ...defaultPadSettings(), hidden: 16, blocks: 1, heads: 1, maxLen: 12, dropout: 0.1, pretrainEpochs: 8, alignEpochs: 2, finetuneEpochs: 6, batchSize: 64, learningRate: 0.005, textDim: 32 };
    const out = await comparePadToSasrec({ split, itemTexts: d.itemTexts, coldItems }, s, [1], { negatives: 20, k: 5, maxCases: 300, seed: 9 });
    const get = (model: string, segment: string): number => out.summary.find((x) => x.model === model && x.segment === segment && x.metric === 'NDCG@5')?.mean ?? NaN;
    expect(get('pad', 'cold')).toBeGreaterThan(get('sasrec', 'cold') + 0.1);
    expect(get('pad', 'warm')).toBeGreaterThan(get('sasrec', 'warm') - 0.1);
    expect(out.seeds[0]?.pad[0]?.protocol.split.kind).toBe('cold-item');
  }, 20_000);
});
