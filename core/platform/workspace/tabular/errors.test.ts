import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../../errors';
import type { Db } from '../db';
import type { TempDir } from '../../../testing/tempDir';
import { makeCsv } from '../testWorkspace.testutil';
import { allCounts, runImport, useTestDbPerTest } from './tabular.testutil';
import type { ColumnMapping, TabularFile } from './types';

let t: TempDir;
let db: Db;
useTestDbPerTest(async (opened, openedDb) => {
  t = opened;
  db = openedDb;
  await runImport(db, [await t.file('base.csv', makeCsv(10, 6))], M, { minInteractions: 1 });
});

const M: ColumnMapping = { user: 'user', item: 'item', timestamp: 'timestamp', rating: 'rating', title: 'title' };

/** Runs a failing import, checks that nothing changed, and returns the error. */
async function failsAtomically(files: TabularFile[], mapping: ColumnMapping = M): Promise<RecForgeError> {
  const before = await allCounts(db);
  const err = await runImport(db, files, mapping, { minInteractions: 1 }).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  expect(await allCounts(db)).toEqual(before);
  return err as RecForgeError;
}

describe('located errors, nothing stored', () => {
  it('a bad timestamp at line 500 → log.csv:500 field timestamp', async () => {
    const lines = makeCsv(100, 10).split('\n');
    lines[499] = 'u1,i1,not-a-time,3,x';
    const err = await failsAtomically([await t.file('log.csv', lines.join('\n'))]);
    expect(err.location).toEqual({ file: 'log.csv', line: 500, field: 'timestamp', expected: 'a number or an ISO date' });
  });
  it('a wrong column count → its line', async () => {
    const lines = makeCsv(20, 5).split('\n');
    lines[41] = 'u1,i1,5';
    const err = await failsAtomically([await t.file('log.csv', lines.join('\n'))]);
    expect(err.location).toMatchObject({ file: 'log.csv', line: 42, expected: 'as many fields as the header' });
  });
  it('a missing user id → its line (derived after rejected rows)', async () => {
    const lines = makeCsv(20, 5).split('\n');
    lines[30] = ',i1,5,3,x';
    const err = await failsAtomically([await t.file('log.csv', lines.join('\n'))]);
    expect(err.location).toEqual({ file: 'log.csv', line: 31, field: 'user', expected: 'a non-empty id' });
  });
  it('after a quoted field spanning lines, errors name the line the bad row starts on (gzip too)', async () => {
    const text = 'user,item,timestamp,rating,title\nu1,i1,1,3,"two\nlines"\nu1,i2,2,3,x\nu2,i3,oops,3,y\n';
    const err = await failsAtomically([await t.file('log.csv', text)]);
    expect(err.location).toEqual({ file: 'log.csv', line: 5, field: 'timestamp', expected: 'a number or an ISO date' });
    const wide = 'user,item,timestamp,rating,title\nu1,i1,1,3,"a\n""quoted""\nb"\nu1,i2,2,3,x,extra\n';
    const gz = await failsAtomically([await t.file('wide.csv.gz', gzipSync(Buffer.from(wide)))]);
    expect(gz.location).toMatchObject({ file: 'wide.csv.gz', line: 5, expected: 'as many fields as the header' });
    const missingUser = 'user,item,timestamp,rating,title\nu1,i1,1,3,"x\ny"\n,i2,2,3,z\n';
    const bad = await failsAtomically([await t.file('user.csv', missingUser)]);
    expect(bad.location).toEqual({ file: 'user.csv', line: 4, field: 'user', expected: 'a non-empty id' });
  });
  it('blank lines before a bad row count in its line, for rejects and for staged rows alike', async () => {
    const rows = makeCsv(10, 5).trim().split('\n');
    const withBlanks = rows.flatMap((r, k) => (k > 0 && k % 10 === 0 ? ['', r] : [r]));
    const badUser = withBlanks.slice();
    badUser[30] = ',i1,5,3,x';
    expect((await failsAtomically([await t.file('u.csv', badUser.join('\n'))])).location).toMatchObject({ file: 'u.csv', line: 31, field: 'user' });
    const badTime = withBlanks.slice();
    badTime[30] = 'u1,i1,soon,3,x';
    expect((await failsAtomically([await t.file('t.csv', badTime.join('\n'))])).location).toMatchObject({ file: 't.csv', line: 31, field: 'timestamp' });
  });
  it('bad UTF-8 → its line', async () => {
    const head = Buffer.from('user,item,timestamp,rating,title\na,x,1,2,ok\n');
    const bad = Buffer.concat([head, Buffer.from('b,'), Buffer.from([0xff, 0xfe]), Buffer.from(',2,3,t\n')]);
    const err = await failsAtomically([await t.file('log.csv', bad)]);
    expect(err.location).toMatchObject({ file: 'log.csv', line: 3, expected: 'UTF-8 text' });
  });
  it('an empty file, a header-only file, binary garbage', async () => {
    expect((await failsAtomically([await t.file('e.csv', '')])).location).toMatchObject({ file: 'e.csv', line: 1 });
    expect((await failsAtomically([await t.file('h.csv', 'user,item,timestamp,rating,title\n')])).location).toMatchObject({ file: 'h.csv' });
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect((await failsAtomically([await t.file('g.csv', garbage)])).location).toMatchObject({ file: 'g.csv' });
  });
  it('a truncated gzip → located at the line where the data stops', async () => {
    const gz = gzipSync(Buffer.from(makeCsv(200, 10)));
    const err = await failsAtomically([await t.file('log.csv.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
    expect(err.location).toMatchObject({ file: 'log.csv.gz', expected: 'a complete gzip file' });
    expect(err.location?.line).toBeGreaterThan(1);
  });
  it('a mapped column missing from the header', async () => {
    const err = await failsAtomically([await t.file('log.csv', makeCsv(3, 3))], { ...M, user: 'user_id' });
    expect(err.location).toMatchObject({ file: 'log.csv', line: 1, field: 'header', expected: "a column named 'user_id'" });
  });
  it('JSON lines: an invalid line and a missing key are located exactly (blank lines count)', async () => {
    const ok = '{"user":"a","item":"x","timestamp":1}';
    const err = await failsAtomically([await t.file('a.jsonl', `${ok}\n\n{"user":"b",\n`)]);
    expect(err.location).toMatchObject({ file: 'a.jsonl', line: 3, expected: 'a JSON object' });
    const err2 = await failsAtomically([await t.file('b.jsonl', `${ok}\n{"user":"b","timestamp":2}\n`)]);
    expect(err2.location).toMatchObject({ file: 'b.jsonl', line: 2, field: 'item' });
  });
  it('an id that holds a line break or a nested value → its line', async () => {
    const broken = 'user,item,timestamp,rating,title\nu1,i1,1,3,x\nu1,"i2\nu2",2,3,x\n';
    expect((await failsAtomically([await t.file('q.csv', broken)])).location).toMatchObject({ file: 'q.csv', line: 3, field: 'item', expected: expect.stringMatching(/one-line id/) as unknown });
    const nested = '{"user":"a","item":"x","timestamp":1}\n{"user":{"id":"b"},"item":"y","timestamp":2}\n';
    const err = await failsAtomically([await t.file('n.jsonl', nested)]);
    expect(err.location).toMatchObject({ file: 'n.jsonl', line: 2, field: 'user' });
    expect(err.message).toMatch(/malformed user id/);
  });
  it('epoch seconds mixed with milliseconds → the first row in the other unit, also across files', async () => {
    const rows = Array.from({ length: 12 }, (_, k) => `u${k % 3},i${k},${1_600_000_000 + k},3,x`);
    rows[7] = `u1,i7,${(1_600_000_000 + 7) * 1000},3,x`;
    const header = 'user,item,timestamp,rating,title';
    const err = await failsAtomically([await t.file('mixed.csv', [header, ...rows].join('\n'))]);
    expect(err.location).toMatchObject({ file: 'mixed.csv', line: 9, field: 'timestamp', expected: expect.stringMatching(/one unit/) as unknown });
    const millis = rows.map((r, k) => r.replace(/,\d+,3,x$/, `,${(1_600_000_000 + k) * 1000},3,x`));
    const seconds = await t.file('s.csv', [header, ...rows.filter((_, k) => k !== 7)].join('\n'));
    const second = await failsAtomically([seconds, await t.file('ms.csv', [header, ...millis].join('\n'))]);
    expect(second.location).toMatchObject({ file: 'ms.csv', line: 2, field: 'timestamp' });
  });
});

describe("onError: 'skip'", () => {
  it('drops bad rows, reports count and the first errors in line order, imports the rest', async () => {
    const lines = makeCsv(20, 5).split('\n');
    lines[10] = 'u1,i1,xx,3,x';
    lines[20] = ',i1,5,3,x';
    lines[30] = 'u1,i1';
    const f = await t.file('log.csv', lines.join('\n'));
    const res = await runImport(db, [f], M, { minInteractions: 1, onError: 'skip' });
    expect(res.skipped.count).toBe(3);
    expect(res.skipped.errors.map((e) => [e.location?.line, e.location?.field])).toEqual([[11, 'timestamp'], [21, 'user'], [31, undefined]]);
    expect(res.summary.rawInteractions).toBe(97);
  });

  it('fails on an unterminated quote instead of silently dropping every row after it', async () => {
    const lines = makeCsv(50, 5).split('\n');
    lines[101] = 'u1,"i3,7,3,x';
    const f = await t.file('log.csv', lines.join('\n'));
    const before = await allCounts(db);
    const err = await runImport(db, [f], M, { minInteractions: 1, onError: 'skip' }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(RecForgeError);
    expect((err as RecForgeError).location).toMatchObject({ file: 'log.csv', line: 102, expected: 'well-formed quoting' });
    expect((err as RecForgeError).message).toMatch(/unterminated quote.*Nothing after it/);
    expect(await allCounts(db)).toEqual(before);
  });
});

