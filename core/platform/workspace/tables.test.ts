import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TempDir } from '../../testing/tempDir';
import { makeCsv, useTempWorkspace } from './testWorkspace.testutil';
import type { Workspace } from './workspace';

let t: TempDir;
let ws: Workspace;
useTempWorkspace((tt, w) => { t = tt; ws = w; });

/** makeCsv's rows under other column names, as a user's export would have them. */
function renamedCsv(): string {
  return makeCsv(20, 8, 40).replace('user,item,timestamp,rating,title', 'visitor,product,when,stars,name');
}

describe('workspace tables: mapped import, splits, export round trip', () => {
  it('imports through a mapping, splits three ways and re-imports its Parquet export with identical counts', async () => {
    const file = await t.file('logs.csv', renamedCsv());
    const mapping = { user: 'visitor', item: 'product', timestamp: 'when', rating: 'stars', title: 'name' };
    const { summary, skipped } = await ws.importTables({ name: 'logs', format: 'csv', files: [file], mapping, minInteractions: 1 });
    expect(skipped.count).toBe(0);
    expect(summary).toMatchObject({ users: 20, interactions: 160 });

    const loo = await ws.createSplit({ datasetId: summary.id, kind: 'leave-one-out', seed: 1 });
    expect(await ws.createSplit({ datasetId: summary.id, kind: 'leave-one-out', seed: 1 })).toEqual(loo); // the same split, not a copy
    expect(loo.counts).toMatchObject({ users: 20, testCases: 20, validCases: 20, trainInteractions: 120 });
    const temporal = await ws.createSplit({ datasetId: summary.id, kind: 'temporal-ratio', ratios: [0.5, 0.25, 0.25], seed: 1 });
    expect(temporal.counts.trainInteractions).toBe(80);
    const cold = await ws.createSplit({ datasetId: summary.id, kind: 'cold-item', coldFraction: 0.2, coldStrategy: 'random', seed: 7, candidates: { negatives: 5, strategy: 'popularity' } });
    expect(cold).toMatchObject({ seed: 7, candidates: { negatives: 5, strategy: 'popularity', seed: 7 } });
    expect(cold.counts.coldItems).toBeGreaterThan(0);
    expect((await ws.listSplits(summary.id)).map((s) => s.kind)).toEqual(['cold-item', 'temporal-ratio', 'leave-one-out']);
    await ws.removeSplit(summary.id, temporal.id);
    expect((await ws.listSplits(summary.id)).map((s) => s.kind)).toEqual(['cold-item', 'leave-one-out']);
    await expect(ws.removeSplit(summary.id, temporal.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(ws.removeSplit('ds_other', loo.id)).rejects.toMatchObject({ code: 'not_found' }); // a split is removed through its own dataset only
    expect((await ws.listSplits(summary.id)).map((s) => s.id)).toEqual([cold.id, loo.id]);

    const exported = await ws.exportDataset(summary.id, 'parquet');
    expect(exported.files.map((f) => f.name)).toEqual(expect.arrayContaining(['interactions.parquet', 'items.parquet']));
    const again = await ws.importTables({
      name: 'logs again', format: 'parquet', files: [{ name: 'interactions.parquet', path: `${exported.dir}/interactions.parquet` }], minInteractions: 1,
    });
    expect(again.summary).toMatchObject({ users: summary.users, items: summary.items, interactions: summary.interactions });
  });

  it('asks for a mapping when the columns cannot be guessed, and removes splits with their dataset', async () => {
    const file = await t.file('odd.csv', 'a,b,c\n1,2,3\n');
    await expect(ws.importTables({ name: 'odd', format: 'csv', files: [file], minInteractions: 1 })).rejects.toMatchObject({ code: 'import', location: { file: 'odd.csv' } });
    const junk = await t.file('junk.csv', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(ws.previewTables([junk])).rejects.toMatchObject({ code: 'import', message: expect.stringMatching(/binary/) as unknown, location: { file: 'junk.csv', line: 1 } });
    const base = await ws.importTables({ name: 'b', format: 'csv', files: [await t.file('b.csv', makeCsv(6, 5))], minInteractions: 1 });
    await ws.createSplit({ datasetId: base.summary.id, kind: 'leave-one-out', seed: 1 });
    await ws.removeDataset(base.summary.id);
    expect((await ws.tableCounts()).splits).toBe(0);
  });

  it('reads the same rows as CSV, TSV, gzipped JSON lines and Parquet with identical counts', async () => {
    const rows = makeCsv(15, 6, 30).trim().split('\n').slice(1).map((l) => l.split(','));
    const tsv = ['user\titem\ttimestamp', ...rows.map((r) => `${r[0]}\t${r[1]}\t${r[2]}`)].join('\n');
    const jsonl = rows.map((r) => JSON.stringify({ user: r[0], item: r[1], timestamp: Number(r[2]) })).join('\n');
    const mapping = { user: 'user', item: 'item', timestamp: 'timestamp' };
    const csvDs = await ws.importTables({ name: 'csv', format: 'csv', files: [await t.file('x.csv', makeCsv(15, 6, 30))], mapping, minInteractions: 1 });
    const tsvDs = await ws.importTables({ name: 'tsv', format: 'tsv', files: [await t.file('x.tsv', tsv)], mapping, minInteractions: 1 });
    const jsonDs = await ws.importTables({ name: 'jsonl', format: 'jsonl', files: [await t.file('x.jsonl.gz', gzipSync(jsonl))], mapping, minInteractions: 1 });
    const exported = await ws.exportDataset(csvDs.summary.id, 'parquet');
    const parquetDs = await ws.importTables({ name: 'parquet', format: 'parquet', files: [{ name: 'interactions.parquet', path: `${exported.dir}/interactions.parquet` }], minInteractions: 1 });
    const counts = (d: { summary: { users: number; items: number; interactions: number } }): number[] => [d.summary.users, d.summary.items, d.summary.interactions];
    expect(counts(csvDs)).toEqual([15, 30, 90]);
    for (const d of [tsvDs, jsonDs, parquetDs]) expect(counts(d)).toEqual(counts(csvDs));
  });

  it('previews a file whose head holds a malformed row, then imports it skipping that row at its line', async () => {
    const lines = makeCsv(30, 5).split('\n');
    lines[40] = 'u1,i1,5,3,x,extra';
    const csv = await t.file('extra.csv', lines.join('\n'));
    const [preview] = await ws.previewTables([csv]);
    expect(preview?.rows).toHaveLength(20);
    const jsonRows = Array.from({ length: 30 }, (_, k) => JSON.stringify({ user: `u${k % 5}`, item: `i${k}`, timestamp: k + 1 }));
    jsonRows[4] = '{"user": "u1", "item": ';
    jsonRows[6] = '{"user":"u2","user":"u3","item":"i6","timestamp":7}';
    const jsonl = await t.file('head.jsonl', `\uFEFF${jsonRows.join('\n')}\n`);
    const [jsonPreview] = await ws.previewTables([jsonl]);
    expect(jsonPreview?.columns.map((c) => c.name)).toEqual(['user', 'item', 'timestamp']);
    expect(jsonPreview?.rows[0]).toEqual(['u0', 'i0', '1']);
    const mapping = { user: 'user', item: 'item', timestamp: 'timestamp' };
    const imported = await ws.importTables({ name: 'extra', format: 'csv', files: [csv], mapping, minInteractions: 1, options: { onError: 'skip' } });
    expect(imported.skipped.errors.map((e) => e.location?.line)).toEqual([41]);
  });

  it('a split asked for while its dataset is being removed fails as not found and leaves no split behind', async () => {
    for (let round = 0; round < 3; round++) {
      const base = await ws.importTables({ name: `r${round}`, format: 'csv', files: [await t.file(`r${round}.csv`, makeCsv(6, 5))], minInteractions: 1 });
      // Started together: the removal lands between the split's reads and its write (in some order).
      const split = ws.createSplit({ datasetId: base.summary.id, kind: 'leave-one-out', seed: 1 }).then(() => null, (e: unknown) => e);
      for (let k = 0; k < round; k++) await Promise.resolve();
      await ws.removeDataset(base.summary.id);
      const err = await split;
      if (err !== null) expect(err).toMatchObject({ code: 'not_found' });
      expect((await ws.tableCounts()).splits).toBe(0);
    }
  });
});
