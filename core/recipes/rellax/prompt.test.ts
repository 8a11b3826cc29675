import { describe, expect, it } from 'vitest';
import { buildCtrDataset, UNRATED } from './ctrData';
import { tinyConfig } from './ablation';
import { buildPrompt, exampleTokenBound } from './prompt';
import { rellaxSettingsSchema } from './settings';
import { buildVocab, SPECIAL } from './vocab';

describe('ReLLaX prompts', () => {
  it('a behaviour without a rating is neither liked nor disliked in the prompt (it stays in the history)', () => {
    // One user: items 1..4 rated 5, unrated, 2, then target item 4 rated 5.
    const cols = { userIdx: Int32Array.from([0, 0, 0, 0]), itemIdx: Int32Array.from([1, 2, 3, 4]), ts: Float64Array.from([1, 2, 3, 4]), ord: Int32Array.from([0, 1, 2, 3]), rating: Float64Array.from([5, NaN, 2, 5]) };
    const texts = ['', 'alpha', 'beta', 'gamma', 'delta'];
    const data = buildCtrDataset(cols, 4, texts, { threshold: 4, testPerUser: 1, minHistory: 3, maxTrainPerUser: 5 });
    const sample = data.test[0];
    if (sample === undefined) throw new Error('one test sample expected');
    expect([...sample.historyLiked]).toEqual([1, UNRATED, 0]);
    const tokens = buildPrompt(sample, [0, 1, 2], buildVocab(texts, 50, 4), false).tokens;
    expect(tokens.filter((t) => t === SPECIAL.liked)).toHaveLength(1);
    expect(tokens.filter((t) => t === SPECIAL.disliked)).toHaveLength(1);
    expect(tokens.filter((t) => t === SPECIAL.sep)).toHaveLength(3);
  });

  it('the longest example the settings allow fits the decoder built for them (K 50 × 32 words passes 1,024 positions)', () => {
    const [k, words] = [50, 32];
    const texts = ['', ...Array.from({ length: k + 1 }, (_, i) => Array.from({ length: words }, (_, w) => `w${i}x${w}`).join(' '))];
    const sample = { user: 0, history: Int32Array.from({ length: k }, (_, i) => i + 1), historyLiked: new Uint8Array(k).fill(1), target: k + 1, label: 1 as const };
    const prompt = buildPrompt(sample, Array.from({ length: k }, (_, i) => i), buildVocab(texts, 20000, words), true);
    const settings = rellaxSettingsSchema.parse({ k, maxItemTokens: words });
    expect(prompt.tokens.length + 1).toBe(exampleTokenBound(k, words));
    expect(tinyConfig(settings, 100).maxPositionEmbeddings).toBeGreaterThanOrEqual(prompt.tokens.length + 1);
  });
});

