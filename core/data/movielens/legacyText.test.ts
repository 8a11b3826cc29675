import { describe, expect, it } from 'vitest';
import { textChunks } from '../lines';
import { ML100K_GENRES } from './genres';
import { parseMovieLensItems } from './items';
import { decodeLegacyText, legacyTextSource } from './legacyText';
import { parseMovieLens1mMovies } from './ml1m';

const flags = ML100K_GENRES.map(() => '0').join('|');
const uItem = `543|Misérables, Les (1995)|01-Jan-1995||http://x|${flags}\n`;
const BOM = '\uFEFF';

/** The platform's view of a file opened as latin1: one character per byte. */
const asLatin1 = (bytes: Buffer): string => bytes.toString('latin1');
const latin1Source = (name: string, bytes: Buffer) => ({ name, chunks: textChunks(asLatin1(bytes)) });

describe('decodeLegacyText', () => {
  it('reads the original latin1 files, UTF-8 copies and UTF-8 with a BOM alike', () => {
    expect(decodeLegacyText(Buffer.from('Misérables', 'latin1'))).toBe('Misérables');
    expect(decodeLegacyText(Buffer.from('Misérables', 'utf8'))).toBe('Misérables');
    expect(decodeLegacyText(Buffer.from(`${BOM}Misérables`, 'utf8'))).toBe('Misérables');
    expect(decodeLegacyText(Buffer.from('1|Toy Story (1995)', 'latin1'))).toBe('1|Toy Story (1995)');
  });
  it('falls back to latin1 for bytes that are only partly valid UTF-8', () => {
    const mixed = Buffer.concat([Buffer.from('é', 'utf8'), Buffer.from('|é', 'latin1')]);
    expect(decodeLegacyText(mixed)).toBe('Ã©|é');
  });
});

describe('legacyTextSource', () => {
  it('gives item 543 its title whether u.item is latin1, UTF-8 or UTF-8 with a BOM', async () => {
    for (const bytes of [Buffer.from(uItem, 'latin1'), Buffer.from(uItem, 'utf8'), Buffer.from(BOM + uItem, 'utf8')]) {
      const items = await parseMovieLensItems(legacyTextSource(latin1Source('u.item', bytes)), ML100K_GENRES);
      expect(items.get('543')?.title).toBe('Misérables, Les (1995)');
    }
  });
  it('does the same for a UTF-8 movies.dat with a BOM, split inside the é', async () => {
    const text = asLatin1(Buffer.from(`${BOM}2::Misérables, Les (1995)::Drama\n`, 'utf8'));
    const movies = await parseMovieLens1mMovies(legacyTextSource({ name: 'movies.dat', chunks: textChunks(text.slice(0, 10), text.slice(10)) }));
    expect(movies.get('2')).toEqual({ title: 'Misérables, Les (1995)', genres: ['Drama'] });
  });
});
