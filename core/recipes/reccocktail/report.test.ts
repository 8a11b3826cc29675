import { describe, expect, it } from 'vitest';
import { coldEntropyNote, coldTestTargets, scenarioText } from './report';
import { defaultRecCocktailSettings } from './settings';

describe('coldEntropyNote', () => {
  const s = defaultRecCocktailSettings('movies');

  it('explains the new-item entropy λ when prompts carry only the history', () => {
    expect(coldEntropyNote(s)).toMatch(/cannot tell new items apart/);
  });

  it('is silent when the prompt lists the candidates or the entropy reads them', () => {
    expect(coldEntropyNote({ ...s, template: 'History:\n{history}\nPick one:\n{candidates}' })).toBe('');
    expect(coldEntropyNote({ ...s, template: '' })).toBe('');
    expect(coldEntropyNote({ ...s, entropyObjective: 'candidate-tokens' })).toBe('');
  });
});

describe('scenario protocol text', () => {
  const s = { ...defaultRecCocktailSettings('movies'), coldFraction: 0.2, fewShotUsers: 0.3 };
  // 4 cold test cases over targets 7, 7, 9, 11 (a fifth split case was not kept); 10 new items in all, cold validation ones included.
  const p = {
    sets: { warm: [1, 2, 3], cold: [1, 2, 3, 4] },
    scenarios: { cold: { test: { target: Int32Array.from([7, 7, 9, 11, 12]) } }, coldItems: Array.from({ length: 10 }, (_, i) => i) },
    corpora: { target: new Array(42) },
  };

  it('counts the distinct targets of the cold test cases, not every new item', () => {
    expect(coldTestTargets(p)).toBe(3);
    expect(scenarioText(p, s)).toContain('Cold: 4 cases whose target is one of 3 new items (');
  });

  it('prints the few-shot share as a clean percentage', () => {
    expect(scenarioText(p, s)).toContain('Few-shot ingredient: 30 % of the target');
    expect(scenarioText(p, { ...s, fewShotUsers: 0.07 })).toContain('Few-shot ingredient: 7 % of');
    expect(scenarioText(p, { ...s, fewShotUsers: 1 })).not.toContain('Few-shot');
  });
});
