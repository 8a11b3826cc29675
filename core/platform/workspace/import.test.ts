import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Workspace } from './workspace';
import type { TempDir } from '../../testing/tempDir';
import { ML100K_DIR, makeCsv, useTempWorkspace } from './testWorkspace.testutil';

let t: TempDir;
let ws: Workspace;
useTempWorkspace(async (dir, workspace) => {
  t = dir;
  ws = workspace;
});

const ml100kFiles = ['u.data', 'u.item', 'u.genre'].map((name) => ({ name, path: path.join(ML100K_DIR, name) }));

describe('importDataset: MovieLens-100k', () => {
  it('imports the real folder: raw counts exact, 5-core counts, lineage, items and LOO shape', async () => {
    // Import speed is measured by `npm run bench -- import`, not asserted here (tests check correctness).
    const progress: string[] = [];
    const ds = await ws.importDataset({ name: 'ml-100k', format: 'movielens-100k', files: ml100kFiles, minInteractions: 5 }, (p) => progress.push(p.file));
    expect(ds.rawInteractions).toBe(100_000);
    const kcore = ds.lineage.find((s) => s.step === 'k-core');
    expect(kcore).toMatchObject({ before: 100_000, after: ds.interactions, params: { k: 5 } });
    expect([ds.users, ds.items, ds.interactions]).toEqual([943, 1349, 99_287]);
    expect(ds.domains).toEqual([]);
    expect(new Set(progress)).toEqual(new Set(['u.data', 'u.item', 'u.genre']));
    expect(await ws.getDataset(ds.id)).toEqual(ds);
    expect(await ws.tableCounts()).toMatchObject({ datasets: 1, interactions: 99_287, items: 1349, users: 943 });

    const loo = await ws.loadLeaveOneOut(ds.id);
    expect(loo.numItems).toBe(1349);
    expect(loo.train.offsets).toHaveLength(944);
    expect(loo.train.values.length).toBe(99_287 - 2 * 943);
    expect(loo.validTarget.every((v) => v >= 1 && v <= 1349)).toBe(true);
    expect(loo.testTarget.every((v) => v >= 1 && v <= 1349)).toBe(true);
    expect(loo.train.values.every((v) => v >= 1 && v <= 1349)).toBe(true);
  });

  it('keeps every raw interaction with k = 1 (943 users, 1,682 items, 100,000 rows)', async () => {
    const ds = await ws.importDataset({ name: 'raw', format: 'movielens-100k', files: ml100kFiles.slice(0, 2), minInteractions: 1 });
    expect([ds.users, ds.items, ds.interactions, ds.rawInteractions]).toEqual([943, 1682, 100_000, 100_000]);
  });

  it('reads a UTF-8 copy of u.item (with a BOM) like the latin-1 original, and warns about rated movies it lacks', async () => {
    const latin1 = await readFile(ml100kFiles[1]?.path ?? '');
    const lines = latin1.toString('latin1').split('\n').filter((l) => !l.startsWith('50|'));
    const utf8 = await t.file('u.item', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'), 'utf8')]));
    const { dataset, warnings } = await ws.importDatasetReport({ name: 'utf8', format: 'movielens-100k', files: [ml100kFiles[0] ?? utf8, utf8], minInteractions: 1 });
    const [source] = await ws.loadRecipeSources(dataset.id);
    expect(source?.items.map((i) => i.title)).toContain('Misérables, Les (1995)');
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringMatching(/^1 item\(s\) rated in u.data have no row in u.item \(50\)/) as unknown, location: expect.objectContaining({ file: 'u.item' }) as unknown })]);
  });

  it('reads gzipped files transparently', async () => {
    const data = await t.file('u.data.gz', gzipSync(await readFile(ml100kFiles[0]?.path ?? '')));
    const ds = await ws.importDataset({ name: 'gz', format: 'movielens-100k', files: [data, ml100kFiles[1] ?? data], minInteractions: 5 });
    expect(ds.interactions).toBe(99_287);
  });
});

describe('importDataset: CSV', () => {
  it('imports a CSV with quoted titles; LOO from the database matches the ord order', async () => {
    const csv = await t.file('log.csv', makeCsv(30, 8));
    const ds = await ws.importDataset({ name: 'csv', format: 'csv', files: [csv], minInteractions: 1 });
    expect(ds).toMatchObject({ format: 'csv', users: 30, interactions: 240, rawInteractions: 240 });
    const loo = await ws.loadLeaveOneOut(ds.id);
    expect(loo.train.offsets[30]).toBe(30 * 6);
    expect([...loo.validTarget].every((v) => v > 0)).toBe(true);
    // Items are 1-based in raw-id order ('i0' < 'i1' < 'i10' …); u0 saw i0, i3, …, i18, i21 in time order.
    const itemIdx = (raw: string): number => [...new Set(Array.from({ length: 50 }, (_, i) => `i${i}`))].sort().indexOf(raw) + 1;
    expect([loo.validTarget[0], loo.testTarget[0]]).toEqual([itemIdx('i18'), itemIdx('i21')]);
    const u0 = [...loo.train.values.slice(0, 6)];
    expect(u0).toEqual(['i0', 'i3', 'i6', 'i9', 'i12', 'i15'].map(itemIdx));
  });

  it('lists newest first and removes a dataset with all its rows', async () => {
    const a = await ws.importDataset({ name: 'a', format: 'csv', files: [await t.file('a.csv', makeCsv(10, 6))], minInteractions: 1 });
    const b = await ws.importDemo();
    expect((await ws.listDatasets()).map((d) => d.id)).toEqual([b.id, a.id]);
    await ws.removeDataset(b.id);
    expect(await ws.getDataset(b.id)).toBeNull();
    expect(await ws.tableCounts()).toMatchObject({ datasets: 1, interactions: 60, users: 10 });
    await expect(ws.removeDataset(b.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('importDemo', () => {
  it('stores the demo with its three domains, untouched by the 5-core', async () => {
    const ds = await ws.importDemo();
    expect(ds.format).toBe('demo');
    expect(ds.domains).toEqual(['books', 'games', 'movies']);
    expect(ds.interactions).toBe(ds.rawInteractions);
    const loo = await ws.loadLeaveOneOut(ds.id);
    expect(loo.testTarget).toHaveLength(600);
  });
});
