import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import { parseInteractionsCsv } from './parse';
import { csvRecords } from './tokenizer';

const src = (...chunks: string[]) => ({ name: 'log.csv', chunks: textChunks(...chunks) });

async function records(...chunks: string[]): Promise<[readonly string[], number][]> {
  const out: [readonly string[], number][] = [];
  for await (const r of csvRecords(src(...chunks))) out.push([r.fields, r.line]);
  return out;
}

async function failure(p: Promise<unknown>): Promise<RecForgeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return err as RecForgeError;
}

describe('csv tokenizer (RFC 4180)', () => {
  it('handles quotes, "" escapes, commas and newlines inside quotes, CRLF, split chunks', async () => {
    const recs = await records('a,"b ""q"", c",d\r\n', 'x,"multi\nli', 'ne",z\r\n\r\nlast,,');
    expect(recs).toEqual([
      [['a', 'b "q", c', 'd'], 1],
      [['x', 'multi\nline', 'z'], 2],
      [['last', '', ''], 5],
    ]);
  });
  it('fails on an unterminated quote at the line where the record starts', async () => {
    const err = await failure(records('a,b\n"open,c\nmore\n'));
    expect(err.location).toEqual({ file: 'log.csv', line: 2, expected: 'a closing double quote' });
  });
  it('reports NUL bytes / replacement chars as binary content on their line', async () => {
    const err = await failure(records('user,item,timestamp\n1,2,3\n1,\ufffd\u0000,3\n'));
    expect(err.location).toEqual({ file: 'log.csv', line: 3, expected: 'a UTF-8 text file' });
  });
});

describe('parseInteractionsCsv', () => {
  it('refuses epoch seconds mixed with milliseconds at the first row in the other unit; small numbers have no unit', async () => {
    const err = await failure(parseInteractionsCsv(src('user,item,timestamp\n', 'u1,i1,1600000000\nu1,i2,3\nu2,i1,1600000001000\n')));
    expect(err.location).toMatchObject({ file: 'log.csv', line: 4, field: 'timestamp', expected: expect.stringMatching(/one unit/) as unknown });
    expect(err.message).toMatch(/milliseconds, but line 2 is in seconds/);
    const ds = await parseInteractionsCsv(src('user,item,timestamp\n', 'u1,i1,1\nu1,i2,1600000000\n'));
    expect(ds.interactions).toHaveLength(2);
  });

  it('reads interactions in order, optional rating and first title per item', async () => {
    const ds = await parseInteractionsCsv(src('\uFEFFUser, Item ,timestamp,rating,title\n', 'u1,i1,10,4.5,"Dune, Part 1"\nu2,i1,5,,Other\nu1,i2,11,,\n'));
    expect(ds.interactions).toEqual([
      { user: 'u1', item: 'i1', timestamp: 10, rating: 4.5 },
      { user: 'u2', item: 'i1', timestamp: 5 },
      { user: 'u1', item: 'i2', timestamp: 11 },
    ]);
    expect(ds.items.get('i1')).toEqual({ title: 'Dune, Part 1', genres: [] });
    expect(ds.items.has('i2')).toBe(false);
  });
  it('names the header line and the expected columns when a required column is missing', async () => {
    const err = await failure(parseInteractionsCsv(src('user,product,timestamp\nu,i,1\n')));
    expect(err.message).toContain('missing column(s) item');
    expect(err.location).toMatchObject({ file: 'log.csv', line: 1, field: 'header' });
    expect(err.location?.expected).toContain('user,item,timestamp');
  });
  it('names line and field of a bad timestamp', async () => {
    const err = await failure(parseInteractionsCsv(src('user,item,timestamp\nu,i,1\nu,i,soon\n')));
    expect(err.location).toEqual({ file: 'log.csv', line: 3, field: 'timestamp', expected: 'a number' });
  });
  it('rejects an id a stray quote stretched over the next lines, at the line the quote opened', async () => {
    const err = await failure(parseInteractionsCsv(src('user,item,timestamp\nu1,i1,1\nu2,"i2,2\nu3,i3,3\nu4,i4",4\n')));
    expect(err.location).toEqual({ file: 'log.csv', line: 3, field: 'item', expected: 'an id without line breaks (an unbalanced quote?)' });
  });
  it('rejects a row with the wrong number of fields', async () => {
    const err = await failure(parseInteractionsCsv(src('user,item,timestamp\nu,i,1,extra\n')));
    expect(err.location).toMatchObject({ line: 2, expected: '3 comma-separated fields like the header' });
  });
  it('rejects an empty file', async () => {
    expect((await failure(parseInteractionsCsv(src('')))).location).toMatchObject({ line: 1, field: 'header' });
  });
  it('names a header-only file as holding no interactions', async () => {
    const err = await failure(parseInteractionsCsv(src('user,item,timestamp\n\n')));
    expect(err.message).toMatch(/^no interactions/);
    expect(err.location).toEqual({ file: 'log.csv', expected: 'at least one row after the header' });
  });
});
