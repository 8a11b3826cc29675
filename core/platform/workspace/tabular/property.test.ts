import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatDatasets } from '../../../data/concat';
import { prepareDataset } from '../../../data/preprocess/prepare';
import { RecForgeError } from '../../../errors';
import type { Db } from '../db';
import { parseImportFiles } from '../importSources';
import { tempDir, type TempDir } from '../../../testing/tempDir';
import { makeCsv } from '../testWorkspace.testutil';
import { allCounts, openTestDb, runImport } from './tabular.testutil';

let t: TempDir;
let db: Db;
beforeAll(async () => {
  t = await tempDir();
  db = await openTestDb(t.dir);
  await runImport(db, [await t.file('base.csv', makeCsv(8, 5))], MAPPING, { minInteractions: 1 });
});
afterAll(async () => {
  await db.close();
  await t.cleanup();
});

const MAPPING = { user: 'user', item: 'item', timestamp: 'timestamp', rating: 'rating', title: 'title' } as const;
const BASE = Buffer.from(makeCsv(12, 6, 20));

/** One mutation of the fixture file, as bytes. */
const mutation = fc.oneof(
  fc.constant((b: Buffer) => b),
  fc.nat().map((n) => (b: Buffer) => b.subarray(0, n % (b.length + 1))),
  fc.nat().map((n) => (b: Buffer) => splice(b, n, Buffer.from([0xff, 0xc3, 0x28]))),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, 'u1,i2')),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, 'u1,i2,3,4,x,extra')),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, 'u1,i2,soon,4,x')),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, 'u1,i2,3,four,x')),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, ',i2,3,4,x')),
  fc.nat().map((n) => (b: Buffer) => replaceLine(b, n, `u1,i2,3,4,"${'long text '.repeat(30_000)}"`)),
  fc.constant(() => Buffer.alloc(0)),
);

function splice(b: Buffer, at: number, insert: Buffer): Buffer {
  const i = at % (b.length + 1);
  return Buffer.concat([b.subarray(0, i), insert, b.subarray(i)]);
}

function replaceLine(b: Buffer, n: number, line: string): Buffer {
  const lines = b.toString('utf8').split('\n');
  lines[1 + (n % (lines.length - 2))] = line; // never the header
  return Buffer.from(lines.join('\n'));
}

/** Independent expectation: the JS importer + prepareDataset on the same bytes (null when it rejects them). */
async function expectation(file: { name: string; path: string }): Promise<{ users: number; items: number; interactions: number } | null> {
  try {
    const p = prepareDataset(concatDatasets([await parseImportFiles('csv', [file], undefined)]), { minInteractions: 1 });
    return { users: p.users.length, items: p.items.length, interactions: p.rows.ord.length };
  } catch {
    return null;
  }
}

let n = 0;
describe('mutated CSV files', () => {
  it('import correctly or fail with a located error, leaving the workspace unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        const file = await t.file(`m${++n}.csv`, mutate(BASE));
        const before = await allCounts(db);
        const expected = await expectation(file);
        const got = await runImport(db, [file], MAPPING, { minInteractions: 1 }).then((r) => r.summary, (e: unknown) => e);
        if (got instanceof RecForgeError) {
          expect(got.location?.file).toBe(file.name);
          expect(await allCounts(db)).toEqual(before);
        } else {
          expect(got).not.toBeInstanceOf(Error);
          const s = got as { users: number; items: number; interactions: number };
          expect(expected).not.toBeNull();
          expect({ users: s.users, items: s.items, interactions: s.interactions }).toEqual(expected);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
