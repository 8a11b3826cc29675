import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { TempDir } from '../../../testing/tempDir';
import { makeCsv } from '../testWorkspace.testutil';
import { parseRecBole } from '../../../data/recbole/parse';
import type { TextSource } from '../../../data/types';
import { openTextSource } from '../../textFile';
import { exportParquet, exportRecBole } from './exportDataset';
import { previewTabular } from './preview';
import { readBack, runImport, useTestDbPerTest } from './tabular.testutil';

let t: TempDir;
let db: Db;
useTestDbPerTest(async (opened, openedDb) => {
  t = opened;
  db = openedDb;
});

const M = { user: 'user', item: 'item', timestamp: 'timestamp', rating: 'rating', title: 'title' } as const;

describe('export', () => {
  it('Parquet export re-imports to identical counts and rows; no temp files remain', async () => {
    const first = await runImport(db, [await t.file('a.csv', makeCsv(30, 7))], M, { minInteractions: 3 });
    const out = path.join(t.dir, 'out');
    await db.exclusive((c) => exportParquet(c, first.summary.id, out));
    expect((await readdir(out)).sort()).toEqual(['interactions.parquet', 'item_texts.parquet', 'items.parquet']);
    const files = [{ name: 'interactions.parquet', path: path.join(out, 'interactions.parquet') }];
    const again = await runImport(db, files, { user: 'user_id', item: 'item_id', timestamp: 'timestamp', rating: 'rating' }, { minInteractions: 3 });
    const pick = (s: typeof first.summary): number[] => [s.users, s.items, s.interactions];
    expect(pick(again.summary)).toEqual(pick(first.summary));
    expect((await readBack(db, again.summary.id)).rows).toEqual((await readBack(db, first.summary.id)).rows);
  });

  it('RecBole atomic files have typed headers and one line per interaction', async () => {
    const res = await runImport(db, [await t.file('a.csv', makeCsv(10, 5))], M, { minInteractions: 1 });
    const out = path.join(t.dir, 'rb');
    await db.exclusive((c) => exportRecBole(c, res.summary.id, out, 'demo'));
    const inter = (await readFile(path.join(out, 'demo.inter'), 'utf8')).trimEnd().split('\n');
    expect(inter[0]).toBe('user_id:token\titem_id:token\trating:float\ttimestamp:float');
    expect(inter).toHaveLength(res.summary.interactions + 1);
    const item = (await readFile(path.join(out, 'demo.item'), 'utf8')).split('\n');
    expect(item[0]).toBe('item_id:token\ttitle:token_seq\tgenres:token_seq\tdomain:token');
    expect((await readdir(out)).sort()).toEqual(['demo.inter', 'demo.item']);
  });

  it('RecBole items read back as they were: quotes, tabs, newlines, empty titles, genres with spaces', async () => {
    const csv = ['user,item,timestamp,rating,title,genres', 'u1,a,1,3,"Say ""Hi""",Sci Fi|Drama', 'u1,b,2,3,"tab\there",', 'u1,c,3,3,"two\nlines",Drama', 'u1,d,4,3,,'].join('\n');
    const res = await runImport(db, [await t.file('q.csv', csv)], { ...M, genres: 'genres' }, { minInteractions: 1 });
    const out = path.join(t.dir, 'rb');
    const [inter, item] = await db.exclusive((c) => exportRecBole(c, res.summary.id, out, 'q'));
    const open = (file: string | undefined): Promise<TextSource> => openTextSource(file ?? '', { name: path.basename(file ?? ''), encoding: 'utf-8' });
    const back = await parseRecBole({ inter: [await open(inter)], item: [await open(item)] });
    expect(Object.fromEntries(back.items)).toEqual({
      a: { title: 'Say "Hi"', genres: ['Sci_Fi', 'Drama'] },
      b: { title: 'tab here', genres: [] },
      c: { title: 'two lines', genres: ['Drama'] },
      d: { title: '', genres: [] },
    });
    expect(back.interactions.map((r) => r.item)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('previewTabular', () => {
  it('detects kind, types, rows and suggests a mapping', async () => {
    const csv = await t.file('ratings.csv', 'userId,movieId,rating,timestamp,title\n1,10,4.5,964982703,Toy Story\n2,11,3,964982224,Heat\n');
    const jsonl = await t.file('reviews', '{"reviewerID":"A1","asin":"B1","overall":5,"unixReviewTime":1,"description":"x"}\n');
    const [p, j] = await db.exclusive((c) => previewTabular(c, [csv, jsonl]));
    expect(p).toMatchObject({ kind: 'csv', gzip: false, rowEstimate: 2, suggested: { user: 'userId', item: 'movieId', rating: 'rating', timestamp: 'timestamp', title: 'title' } });
    expect(p?.rows[0]).toEqual(['1', '10', '4.5', '964982703', 'Toy Story']);
    expect(j).toMatchObject({ kind: 'jsonl', suggested: { user: 'reviewerID', item: 'asin', rating: 'overall', timestamp: 'unixReviewTime', text: ['description'] } });
  });
});
