import { describe, expect, it } from 'vitest';
import { buildCtrDataset, UNRATED } from './ctrData';
import { buildPrompt } from './prompt';
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
});
