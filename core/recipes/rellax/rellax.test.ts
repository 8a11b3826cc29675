import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseLmConfig } from '../../models/lm/config';
import { disposeKvCache, lmForward } from '../../models/lm/forward';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { RELLAX_VARIANTS, runRellaxAblation } from './ablation';
import { buildCtrDataset } from './ctrData';
import { defaultRellaxSettings } from './settings';
import { lastHiddenStates, recentPositions, relevantPositions } from './subr';
import { syntheticRatings } from './syntheticCtr';
import { buildVocab, SPECIAL } from './vocab';

useTensorSuite();

describe('ReLLaX', () => {
  it('SUBR keeps the most target-similar behaviours in time order', () => {
    const vectors = Float64Array.from([0, 0, 1, 0, 0, 1, 1, 0]); // items 0..3, 2-d
    expect(relevantPositions([1, 2, 3, 2], 3, 2, vectors, 2)).toEqual([0, 2]);
    expect(recentPositions(4, 2)).toEqual([2, 3]);
  });

  it('SUBR reads the last hidden states: projected by lm_head they give the logits', () => {
    const c = parseLmConfig({ model_type: 'llama', vocab_size: 20, hidden_size: 8, intermediate_size: 16, num_hidden_layers: 2, num_attention_heads: 2, max_position_embeddings: 16, tie_word_embeddings: false });
    const w = initLmWeights(c, 3, 0.3);
    const tokens = Int32Array.from([4, 9, 13]);
    const [viaStates, logits] = tf.tidy(() => {
      const states = lastHiddenStates(c, w, tokens, tf.eye(8));
      const out = lmForward(c, w, tf.tensor2d(tokens, [1, 3], 'int32'));
      disposeKvCache(out.cache);
      return [tf.matMul(tf.reshape(states, [3, 8]), w.get('lm_head.weight') as tf.Tensor2D, false, true).arraySync() as number[][], (tf.reshape(out.logits, [3, 20]).arraySync() as number[][])];
    });
    viaStates.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(logits[i]?.[j] ?? NaN, 5)));
    disposeWeights(w);
  });

  it('the vocabulary drops template words shared by most items', () => {
    const v = buildVocab(['', 'Title: Heat. Genres: Crime', 'Title: Up. Genres: Animation', 'Title: Alien. Genres: Horror'], 50, 2);
    expect(v.size).toBe(Object.keys(SPECIAL).length + 6);
    expect(v.itemTokens.slice(1).every((t) => t.length === 2)).toBe(true);
  });

  it('runs the five-variant ablation and reports AUC / LogLoss with protocol', async () => {
    const { cols, texts } = syntheticRatings(40, 14, 4, 8);
    const data = buildCtrDataset(cols, 32, texts, { threshold: 4, testPerUser: 2, minHistory: 4, maxTrainPerUser: 6 });
    const s = { ...defaultRellaxSettings(), stage1Steps: 30, stage2Steps: 15, crmHidden: 16, crmMaxLen: 12, crmEpochs: 4 };
    const table = await runRellaxAblation(data, s);
    expect(table.rows.map((r) => r.name)).toEqual(RELLAX_VARIANTS.map((v) => v.name));
    for (const r of table.rows) {
      expect(r.auc).toBeGreaterThanOrEqual(0);
      expect(r.auc).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r.logLoss)).toBe(true);
    }
    // The genre word decides the label: retrieval by the target's meaning must beat chance clearly.
    expect(table.rows.find((r) => r.name === '+SUBR')?.auc).toBeGreaterThan(0.7);
    expect(table.protocol.testSamples).toBe(80);
    expect(table.protocol.split).toBe('per-user temporal');
  }, 30_000);
});
