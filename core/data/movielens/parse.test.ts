import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import type { TextSource } from '../types';
import { parseMovieLens100k } from './parse';
import { parseMovieLensItems } from './items';
import { legacyTextSource } from './legacyText';
import { ML100K_GENRES } from './genres';
import { parseMovieLensRatings } from './ratings';

const src = (name: string, text: string): TextSource => ({ name, chunks: textChunks(text) });
const flags = (on: number[]): string => ML100K_GENRES.map((_, i) => (on.includes(i) ? '1' : '0')).join('|');

async function locationOf(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return (err as RecForgeError).location;
}

describe('u.data', () => {
  it('parses tab-separated integer rows in order', async () => {
    const rows = await parseMovieLensRatings(src('u.data', '1\t10\t5\t100\n2\t20\t3\t90\n'));
    expect(rows).toEqual([{ user: '1', item: '10', rating: 5, timestamp: 100 }, { user: '2', item: '20', rating: 3, timestamp: 90 }]);
  });
  it('keeps ids above 2^53 digit for digit; leading zeros still go (0242 is item 242)', async () => {
    const rows = await parseMovieLensRatings(src('u.data', '9007199254740993\t0242\t5\t100\n'));
    expect(rows).toEqual([{ user: '9007199254740993', item: '242', rating: 5, timestamp: 100 }]);
  });
  it('names the file, line and field of a non-integer', async () => {
    const loc = await locationOf(parseMovieLensRatings(src('u.data', '1\t10\t5\t100\n2\t20\t3\tyesterday\n')));
    expect(loc).toEqual({ file: 'u.data', line: 2, field: 'timestamp', expected: 'an integer' });
  });
  it('rejects a wrong column count', async () => {
    const loc = await locationOf(parseMovieLensRatings(src('u.data', '1\t10\t5\n')));
    expect(loc).toMatchObject({ file: 'u.data', line: 1, expected: 'user\\titem\\trating\\ttimestamp' });
  });
  it('rejects ratings outside 1..5', async () => {
    expect(await locationOf(parseMovieLensRatings(src('u.data', '1\t10\t6\t100\n')))).toMatchObject({ line: 1, field: 'rating' });
  });
  it('reports binary garbage as binary content on its line', async () => {
    const loc = await locationOf(parseMovieLensRatings(src('u.data', '1\t10\t5\t100\n\u0000\u0001\ufffd\u0007\n')));
    expect(loc).toEqual({ file: 'u.data', line: 2, expected: 'a text file' });
  });
  it('names the file when u.data holds no ratings', async () => {
    expect(await locationOf(parseMovieLensRatings(src('u.data', '\n'))))
      .toEqual({ file: 'u.data', expected: 'one line per rating: user\\titem\\trating\\ttimestamp' });
  });
});

describe('u.item', () => {
  it('maps genre flags to names', async () => {
    const items = await parseMovieLensItems(src('u.item', `7|Film (1995)|01-Jan-1995||http://x|${flags([1, 8])}\n`), ML100K_GENRES);
    expect(items.get('7')).toEqual({ title: 'Film (1995)', genres: ['Action', 'Drama'] });
  });
  it('rejects a bad flag with its genre as field', async () => {
    const bad = `7|Film|d||u|${flags([]).replace(/^0/, '2')}\n`;
    expect(await locationOf(parseMovieLensItems(src('u.item', bad), ML100K_GENRES))).toMatchObject({ line: 1, field: 'unknown' });
  });
  it('rejects a wrong field count', async () => {
    expect(await locationOf(parseMovieLensItems(src('u.item', '7|Film|x\n'), ML100K_GENRES))).toMatchObject({ file: 'u.item', line: 1 });
  });
  it('rejects a u.item without item rows (every title would be lost)', async () => {
    expect(await locationOf(parseMovieLensItems(src('u.item', '\n\n'), ML100K_GENRES)))
      .toEqual({ file: 'u.item', expected: 'one line per movie: id|title|release|video|url|19 genre flags' });
  });
});

describe('ml-100k folder', () => {
  const item = (id: number): string => `${id}|Film ${id}|d||u|${flags([])}\n`;
  it('warns, naming the ids, about rated items that u.item lacks', async () => {
    const ds = await parseMovieLens100k({ data: src('u.data', '1\t7\t5\t100\n1\t8\t3\t90\n2\t9\t3\t90\n2\t8\t1\t95\n'), item: src('u.item', item(7)) });
    expect(ds.items.get('7')?.title).toBe('Film 7');
    expect(ds.warnings).toEqual([{
      code: 'import',
      message: '2 item(s) rated in u.data have no row in u.item (8, 9); they are imported without title or genres',
      location: { file: 'u.item', expected: 'a row for every item in u.data' },
    }]);
  });
  it('has no warnings when u.item describes every rated item', async () => {
    const ds = await parseMovieLens100k({ data: src('u.data', '1\t7\t5\t100\n'), item: src('u.item', item(7) + item(8)) });
    expect(ds.warnings).toBeUndefined();
  });
});

describe('real ml-100k', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'ml-100k');
  const file = (name: string, enc: BufferEncoding): TextSource => ({ name, chunks: textChunks(readFileSync(path.join(dir, name), enc)) });
  it('parses all 100,000 ratings, 943 users and 1,682 items with genres from u.genre', async () => {
    const item = legacyTextSource(file('u.item', 'latin1'));
    const ds = await parseMovieLens100k({ data: file('u.data', 'utf8'), item, genre: file('u.genre', 'utf8') });
    expect(ds.interactions).toHaveLength(100_000);
    expect(new Set(ds.interactions.map((x) => x.user)).size).toBe(943);
    expect(ds.items.size).toBe(1682);
    expect(ds.items.get('1')).toEqual({ title: 'Toy Story (1995)', genres: ['Animation', "Children's", 'Comedy'] });
    expect(ds.items.get('543')?.title).toBe('Misérables, Les (1995)'); // the original latin1 file is not taken for UTF-8
    expect(ds.warnings).toBeUndefined();
  });
});
