import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseInteractionsCsv } from '../../data/csv/parse';
import { profileDataset } from '../../data/profile';
import { textChunks } from '../../data/lines';
import type { TempDir } from '../../testing/tempDir';
import { makeCsv, useTempWorkspace } from './testWorkspace.testutil';
import type { Workspace } from './workspace';

let t: TempDir;
let ws: Workspace;
useTempWorkspace((tt, w) => { t = tt; ws = w; });

describe('stored dataset profile (SQL)', () => {
  it('equals the profile of the parsed source when nothing is filtered', async () => {
    // Duplicated (user, item) pairs and an item without a title exercise every counter.
    const csv = `${makeCsv(9, 5, 13)}u0,i0,5000,3,\nu0,i0,5001,3,"Item 0, the ""best"""\nu8,i99,7000,1,\n`;
    const f = await t.file('p.csv', csv);
    const ds = await ws.importDataset({ name: 'p', format: 'csv', files: [f], minInteractions: 1 });
    const stored = await ws.profileDataset(ds.id);
    const raw = profileDataset(await parseInteractionsCsv({ name: 'p.csv', chunks: textChunks(await readFile(f.path, 'utf8')) }));
    expect(stored).toEqual({ ...raw, density: expect.closeTo(raw.density, 12) as unknown as number });
    expect(stored.duplicateInteractions).toBeGreaterThan(0);
    expect(stored.itemsMissingTitle).toBe(1);
  });

  it('names an unknown dataset', async () => {
    await expect(ws.profileDataset('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
