import { describe, expect, it } from 'vitest';
import { coldEntropyNote } from './report';
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
