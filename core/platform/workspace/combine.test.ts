import { describe, expect, it } from 'vitest';
import type { TempDir } from '../../testing/tempDir';
import { useTempWorkspace } from './testWorkspace.testutil';
import type { Workspace } from './workspace';

let t: TempDir;
let ws: Workspace;
useTempWorkspace((tt, w) => { t = tt; ws = w; });

const csv = (rows: readonly string[]): string => `user,item,timestamp,title\n${rows.join('\n')}\n`;

describe('combining datasets as domains', () => {
  it('namespaces items, tags their domain, shares users by raw id and orders histories across domains', async () => {
    const movies = await ws.importDataset({ name: 'movies', format: 'csv', files: [await t.file('m.csv', csv(['u1,m1,10,Alien', 'u1,m2,30,Heat', 'u2,m1,20,Alien']))], minInteractions: 1 });
    const books = await ws.importDataset({ name: 'books', format: 'csv', files: [await t.file('b.csv', csv(['u1,b1,20,Dune', 'u3,b1,5,Dune']))], minInteractions: 1 });
    const shared = await ws.combineDatasets('all', [movies.id, books.id], 'shared');
    expect(shared).toMatchObject({ format: 'corpus', users: 3, items: 3, interactions: 5, domains: ['books', 'movies'] });
    expect(shared.lineage[0]).toMatchObject({ step: 'combine', params: { domains: 'movies, books', users: 'shared' } });
    // u1's mixed history, chronological across domains: m1 (10), b1 (20), m2 (30).
    const loo = await ws.loadLeaveOneOut(shared.id);
    const profile = await ws.profileDataset(shared.id);
    expect(profile.domains).toEqual([{ domain: 'books', items: 1, interactions: 2 }, { domain: 'movies', items: 2, interactions: 3 }]);
    // Users 0-based and items 1-based by raw id: u1 = 0; books:b1 = 1, movies:m1 = 2, movies:m2 = 3.
    expect([loo.validTarget[0], loo.testTarget[0]]).toEqual([1, 3]);
    const separate = await ws.combineDatasets('apart', [movies.id, books.id], 'separate');
    expect(separate.users).toBe(4);
    await expect(ws.combineDatasets('x', [movies.id, 'ds_missing'], 'shared')).rejects.toMatchObject({ code: 'not_found' });
  });
});
