import { describe, expect, it } from 'vitest';
import { capLength, cleanItemTexts, cleanText } from './clean';
import { decodeHtmlEntities } from './entities';

describe('decodeHtmlEntities', () => {
  it('decodes named, decimal and hex references in one pass', () => {
    expect(decodeHtmlEntities('Tom &amp; Jerry &#233;t&#xE9; &rsquo;')).toBe('Tom & Jerry été \u2019');
    expect(decodeHtmlEntities('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;');
    expect(decodeHtmlEntities('&unknown; &#0; &#xD800;')).toBe('&unknown; \ufffd \ufffd');
  });
});

describe('cleanText', () => {
  it('strips tags and scripts, then decodes entities (escaped markup stays as text)', () => {
    expect(cleanText('<p>Great <b>toy</b>!</p><script>alert(1)</script>')).toBe('Great toy !');
    expect(cleanText('Use &lt;b&gt; for bold; 3 < 4')).toBe('Use <b> for bold; 3 < 4');
  });

  it('drops control characters and collapses whitespace', () => {
    expect(cleanText('  a\u0000b\u0007\t\n\r c\u0085d  \u00a0 e ')).toBe('ab cd e');
  });

  it('caps length in code points without splitting surrogate pairs', () => {
    expect(cleanText('abcdefghij', { maxLength: 5 })).toBe('abcd\u2026');
    expect(cleanText('short', { maxLength: 5 })).toBe('short');
    expect(capLength('😀😀😀😀', 3, '')).toBe('😀😀😀');
    expect(cleanText('ab cdef', { maxLength: 4, ellipsis: '...' })).toBe('a...');
  });
});

describe('cleanItemTexts', () => {
  it('cleans strings and list elements, counts changed items in the lineage step', () => {
    const { items, step } = cleanItemTexts([
      { title: 'Toy &amp; Story', genres: [' Comedy ', '<i></i>'] },
      { title: 'Clean', genres: ['Drama'] },
    ]);
    expect(items).toEqual([
      { title: 'Toy & Story', genres: ['Comedy'] },
      { title: 'Clean', genres: ['Drama'] },
    ]);
    expect(step).toEqual({ step: 'clean-text', params: { maxLength: 0, changed: 1, html: 'tags stripped, entities decoded' }, before: 2, after: 2 });
  });
});
