import { describe, expect, it } from 'vitest';
import { matchesTags, parseTags } from './tags';

describe('tags', () => {
  it('splits on commas and spaces, drops repeats and blanks', () => {
    expect(parseTags(' baseline, ml-100k  lr-sweep,,baseline ')).toEqual(['baseline', 'ml-100k', 'lr-sweep']);
    expect(parseTags('')).toEqual([]);
  });
  it('filters runs by every selected tag', () => {
    expect(matchesTags(['a', 'b'], ['a'])).toBe(true);
    expect(matchesTags(['a'], ['a', 'b'])).toBe(false);
    expect(matchesTags([], [])).toBe(true);
  });
});
