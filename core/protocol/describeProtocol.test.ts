import { describe, expect, it } from 'vitest';
import { describeProtocol } from './describeProtocol';
import type { EvalProtocol } from './dto';

const heldOut: EvalProtocol = { split: 'held-out-domain', target: 'test', candidates: { kind: 'sampled', negatives: 5, sampler: 'uniform', seed: 9 }, excludeHistory: true, users: 20, domain: 'games', seed: 1, chance: 0.5 };

describe('describeProtocol', () => {
  it('says how many ID levels a generative score covers, so a level-1 and a whole-ID AUC read differently', () => {
    expect(describeProtocol({ ...heldOut, scoredLevels: 1 })).toBe('test · held-out-domain · domain games · 1 + 5 sampled negatives (uniform, seed 9) · leading 1 ID level scored · history excluded · 20 users · split seed 1 · chance 0.5000');
    expect(describeProtocol({ ...heldOut, scoredLevels: 3 })).toContain('leading 3 ID levels scored');
    expect(describeProtocol(heldOut)).not.toContain('ID level');
  });
});
