import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { textChunks } from '../lines';
import type { TextSource } from '../types';
import { parseAtomicHeader } from './atomic';
import { parseRecBole } from './parse';

const src = (name: string, ...lines: string[]): TextSource => ({ name, chunks: textChunks(lines.map((l) => `${l}\n`).join('')) });
const INTER = 'user_id:token\titem_id:token\trating:float\ttimestamp:float';

async function locationOf(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(RecForgeError);
  return (err as RecForgeError).location;
}

describe('RecBole atomic files', () => {
  it('reads .inter and .item (token_seq title and genres)', async () => {
    const ds = await parseRecBole({
      inter: [src('ml.inter', INTER, '196\t242\t3\t881250949', '186\t302\t\t891717742')],
      item: [src('ml.item', 'item_id:token\tmovie_title:token_seq\trelease_year:token\tgenre:token_seq', '242\tKolya  \t1996\tComedy', '302\tL.A. Confidential\t1997\tCrime Film-Noir')],
    });
    expect(ds.interactions).toEqual([
      { user: '196', item: '242', rating: 3, timestamp: 881250949 },
      { user: '186', item: '302', timestamp: 891717742 },
    ]);
    expect(ds.items.get('302')).toEqual({ title: 'L.A. Confidential', genres: ['Crime', 'Film-Noir'] });
    expect(ds.items.get('242')).toEqual({ title: 'Kolya', genres: ['Comedy'] });
  });
  it('uses the row number as time when there is no timestamp column', async () => {
    const ds = await parseRecBole({ inter: [src('a.inter', 'item_id:token\tuser_id:token', 'i1\tu1', 'i2\tu1')], item: [] });
    expect(ds.interactions).toEqual([{ user: 'u1', item: 'i1', timestamp: 2 }, { user: 'u1', item: 'i2', timestamp: 3 }]);
  });
  it('continues row positions across split files in train, valid, test order, whatever order they came in', async () => {
    const header = 'user_id:token\titem_id:token';
    const ds = await parseRecBole({ inter: [src('d.test.inter', header, 'u\td'), src('d.train.inter', header, 'u\ta', 'u\tb', 'u\tc'), src('d.valid.inter', header, 'u\tv')], item: [] });
    const byTime = [...ds.interactions].sort((x, y) => x.timestamp - y.timestamp).map((r) => r.item);
    expect(byTime).toEqual(['a', 'b', 'c', 'v', 'd']);
  });
  it('validates header types with the column as field', () => {
    expect(parseAtomicHeader('a:token\tb:float_seq', 'x.item', 1)).toEqual([{ name: 'a', type: 'token' }, { name: 'b', type: 'float_seq' }]);
    const loc = (text: string): unknown => {
      try {
        parseAtomicHeader(text, 'x.inter', 1);
      } catch (e) {
        return (e as RecForgeError).location;
      }
      return null;
    };
    expect(loc('user_id:token\trating:int')).toEqual({ file: 'x.inter', line: 1, field: 'rating', expected: 'name:type with type token, token_seq, float or float_seq' });
    expect(loc('user_id:token\titem_id')).toMatchObject({ field: 'column 2' });
    expect(loc('a:token\ta:float')).toMatchObject({ field: 'a', expected: 'unique column names' });
  });
  it('locates bad rows, wrong column types, missing id columns and a file without rows', async () => {
    const run = (...lines: string[]) => locationOf(parseRecBole({ inter: [src('d.inter', ...lines)], item: [] }));
    expect(await run(INTER, '1\t2\t3\t4', '1\t2\tgood\t5')).toEqual({ file: 'd.inter', line: 3, field: 'rating', expected: 'a number' });
    expect(await run(INTER, '1\t2\t3 4')).toMatchObject({ line: 2, expected: 'user_id:token\\titem_id:token\\trating:float\\ttimestamp:float' });
    expect(await run('user_id:token\titem_id:float', '1\t2')).toMatchObject({ line: 1, field: 'item_id', expected: 'item_id:token' });
    expect(await run('user_id:token\trating:float', '1\t2')).toMatchObject({ line: 1, field: 'header' });
    expect(await run(INTER, '1\t2\t3\t')).toMatchObject({ line: 2, field: 'timestamp' });
    expect(await run(INTER)).toEqual({ file: 'd.inter', expected: 'at least one row after the header' });
    const item = locationOf(parseRecBole({ inter: [], item: [src('d.item', 'item_id:token\tvec:float_seq', 'i\t0.5 x')] }));
    expect(await item).toEqual({ file: 'd.item', line: 2, field: 'vec', expected: 'a number' });
  });
});
