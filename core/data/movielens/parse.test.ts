import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import type { TextSource } from '../types';
import { parseMovieLens100k } from './parse';
import { parseMovieLensItems } from './items';
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
});

describe('real ml-100k', () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const dir = path.resolve(repoRoot, '..', 'shared', 'data', 'ml-100k');
  const file = (name: string, enc: BufferEncoding): TextSource => ({ name, chunks: textChunks(readFileSync(path.join(dir, name), enc)) });
  it('parses all 100,000 ratings, 943 users and 1,682 items with genres from u.genre', async () => {
    const ds = await parseMovieLens100k({ data: file('u.data', 'utf8'), item: file('u.item', 'latin1'), genre: file('u.genre', 'utf8') });
    expect(ds.interactions).toHaveLength(100_000);
    expect(new Set(ds.interactions.map((x) => x.user)).size).toBe(943);
    expect(ds.items.size).toBe(1682);
    expect(ds.items.get('1')).toEqual({ title: 'Toy Story (1995)', genres: ['Animation', "Children's", 'Comedy'] });
  });
});
