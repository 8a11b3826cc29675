import { describe, expect, it } from 'vitest';
import { cprecItemText, domainNoun, recBaseItemText } from './unified';

describe('recBaseItemText', () => {
  it('matches the RecBase Appendix C example byte for byte', () => {
    const text = recBaseItemText({ genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'], title: 'Toy Story (1995)' }, 'movie');
    expect(text).toBe('Describe a movie:\n{\n"title": "Toy Story (1995)",\n"genres": "Adventure | Animation | Children | Comedy | Fantasy"\n}');
  });

  it('writes only present fields, in a fixed order, with JSON escaping and the right article', () => {
    const text = recBaseItemText({ title: 'Say "hi"', genres: [], brand: 'Acme', author: null, domain: 'anime', zeta: 'z' }, domainNoun('Anime'));
    expect(text).toBe('Describe an anime:\n{\n"title": "Say \\"hi\\"",\n"brand": "Acme",\n"zeta": "z"\n}');
  });
});

describe('cprecItemText', () => {
  it('has no domain words: no domain noun, no domain-like fields', () => {
    const text = cprecItemText({ title: 'Heat', genres: ['Crime'], domain: 'movies', category: 'Movies & TV' });
    expect(text).toBe('Describe an item:\n{\n"title": "Heat",\n"genres": "Crime"\n}');
    expect(text.toLowerCase()).not.toMatch(/movie/);
  });
});

describe('domainNoun', () => {
  it('singularises common domain names', () => {
    expect(['movies', 'Books', 'games', 'Toys', 'categories', 'glass', 'Beauty'].map(domainNoun)).toEqual(['movie', 'book', 'game', 'toy', 'category', 'glass', 'beauty']);
  });
});
