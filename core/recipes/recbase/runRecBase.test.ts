import { describe, expect, it } from 'vitest';
import { disposeWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { itemTrie, recommendItems } from './constrained';
import { promptTokens } from './codeSequences';
import { runRecBase } from './runRecBase';
import { parseRecBaseSettings, recBaseConfig } from './settings';
import { buildCorpus } from '../../data/multidomain/corpus';
import { syntheticCorpus, syntheticSources } from './testFixtures';

useTensorSuite();

describe('runRecBase on a synthetic 3-domain corpus (taste shared across domains)', () => {
  it('transfers taste zero-shot through the codes; fine-tuning helps; recommends only held-out items', { timeout: 60_000 }, async () => {
    const corpus = syntheticCorpus();
    const settings = parseRecBaseSettings({ vectorDim: 8, codes: 8, levels: 2, latentDim: 8, hiddenDim: 32, quantiserSteps: 40, quantiserBatch: 64, lmHidden: 32, lmLayers: 1, lmHeads: 2, windowItems: 4, lmSteps: 80, lmBatch: 16, lmLr: 1e-2, fineTuneSteps: 40, fineTuneLr: 3e-3, negatives: 9, maxCases: 60 });
    const s = recBaseConfig(settings, corpus.domains.map((d) => d.name));
    const r = await runRecBase({ corpus }, s);
    try {
      expect(r.protocol.heldOutDomain).toBe('games');
      expect(r.protocol.fitItems).toBe(48); // the games items are not seen by the tokenizer
      expect(r.auc.cases).toBe(60);
      expect(r.auc.zeroShot.scored).toBeGreaterThan(0.6);
      expect(r.auc.zeroShot.scored).toBeGreaterThan(r.auc.popularity + 0.05);
      // Fine-tuning teaches the held-out items' deeper codes: the whole-ID AUC gains most.
      expect(r.auc.fineTuned?.fullId ?? 0).toBeGreaterThan(r.auc.zeroShot.fullId + 0.05);
      expect(r.auc.fineTuned?.scored ?? 0).toBeGreaterThanOrEqual(r.auc.zeroShot.scored - 0.02);
      const games = corpus.items.flatMap((it, i) => (it.domain === 'games' ? [i + 1] : []));
      const out = await recommendItems(r.decoder.config, r.decoder.weights, itemTrie(r.decoder.tokenizer, games), promptTokens(r.decoder.tokenizer, [1, 2], 4), 3);
      expect(out).toHaveLength(3);
      for (const o of out) expect(games).toContain(o.item);
    } finally {
      disposeWeights(r.decoder.weights);
    }
  });

  it('refuses a held-out domain without test users before training anything (no NaN AUCs over zero users)', async () => {
    const sources = syntheticSources().map((src) => {
      if (src.name !== 'games') return src;
      const keep = Array.from(src.rows.ord, (o) => o < 2);
      const pick = <T extends Int32Array | Float64Array>(a: T): T => a.filter((_, i) => keep[i]) as T;
      return { ...src, rows: { userIdx: pick(src.rows.userIdx), itemIdx: pick(src.rows.itemIdx), ts: pick(src.rows.ts), ord: pick(src.rows.ord) } };
    });
    const corpus = buildCorpus(sources);
    const s = recBaseConfig(parseRecBaseSettings({ heldOutDomain: 'games', vectorDim: 8, codes: 8, levels: 2 }), corpus.domains.map((d) => d.name));
    const events: string[] = [];
    await expect(runRecBase({ corpus }, s, { onEvent: (e) => events.push(e.kind) })).rejects.toMatchObject({ code: 'validation', location: { field: 'heldOutDomain' } });
    expect(events).toEqual([]);
  });
});

