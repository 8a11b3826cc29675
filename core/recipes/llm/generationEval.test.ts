import { describe, expect, it } from 'vitest';
import { constrainedDecode } from '../../models/lm/constrained/beamSearch';
import { TokenTrie } from '../../models/lm/constrained/trie';
import { greedyDecode } from '../../models/lm/generate';
import { tinyLmConfig } from '../../models/lm/scoring/fixtures';
import { disposeWeights, initLmWeights } from '../../models/lm/weights';
import { useTensorSuite } from '../../testing/tensorSuite';
import { generationMetrics } from './generationEval';
import type { RankCase } from './rankEval';

useTensorSuite();

const EOS = 2;

describe('generation metrics', () => {
  it('valid ratio counts free outputs found in the catalogue; constrained hits count the target chosen among the candidates', async () => {
    const lm = tinyLmConfig('qwen2');
    const w = initLmWeights(lm, 11, 0.6);
    try {
      const prompts = [[5, 6, 7], [9, 3], [12, 4, 4, 8]];
      const candidates = [[10, 11, EOS], [13, EOS], [14, 15, 16, EOS]];
      const free = await Promise.all(prompts.map((p) => greedyDecode(lm, w, p, { maxNewTokens: 4, stopTokens: [EOS] })));
      const picked = await Promise.all(prompts.map(async (p) => (await constrainedDecode(lm, w, p, TokenTrie.from(candidates), { maxLen: 4 }))?.tokens.join(',')));
      const chosen = picked.map((k) => candidates.findIndex((c) => c.join(',') === k));
      // Case 0 targets the candidate the model picks, the others a different one.
      const cases: RankCase[] = prompts.map((prompt, i) => ({ prompt, candidates, targetIndex: i === 0 ? (chosen[i] ?? 0) : ((chosen[i] ?? 0) + 1) % 3 }));

      const withOutputs = await generationMetrics(lm, w, cases, [...candidates, free[0] ?? [], free[1] ?? []], EOS);
      expect(withOutputs).toEqual({ cases: 3, validRatio: free[2]?.join(',') === free[0]?.join(',') || free[2]?.join(',') === free[1]?.join(',') ? 1 : 2 / 3, constrainedHit: 1 / 3 });
      const without = await generationMetrics(lm, w, cases, [[30, 31, 32, 33, EOS]], EOS);
      expect(without.validRatio).toBe(0);
    } finally {
      disposeWeights(w);
    }
  });

  it('a negative that reads like the target (same title) makes no hit: ties count against the target', async () => {
    const lm = tinyLmConfig('qwen2');
    const w = initLmWeights(lm, 11, 0.6);
    try {
      const same = [10, 11, EOS];
      const cases: RankCase[] = [[5, 6, 7], [9, 3]].map((prompt) => ({ prompt, candidates: [same, [10, 11, EOS], [10, 11, EOS]], targetIndex: 0 }));
      expect((await generationMetrics(lm, w, cases, [same], EOS)).constrainedHit).toBe(0);
      const unique: RankCase[] = cases.map((c) => ({ ...c, candidates: [same] }));
      expect((await generationMetrics(lm, w, unique, [same], EOS)).constrainedHit).toBe(1);
    } finally {
      disposeWeights(w);
    }
  });
});
