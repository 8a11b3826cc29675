import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../demo/generate';
import { prepareDataset } from '../preprocess/prepare';
import { coldItemSplit } from '../splits/coldSplit';
import { dropLastPerUser } from '../splits/filters';
import { leaveOneOutSplit } from '../splits/leaveOneOut';
import { buildCorpus, domainByName } from './corpus';
import { targetDomainWindows } from './cprecWindows';
import { sourcesFromPrepared } from './fromPrepared';
import { mixedSequences } from './mixed';
import { buildRecCocktailCorpora } from './recCocktail';

describe('the demo dataset as a 3-domain corpus', () => {
  const prepared = prepareDataset(generateDemoDataset({ users: 120 }), { minInteractions: 1 });
  const sources = sourcesFromPrepared(prepared);
  const corpus = buildCorpus(sources);

  it('splits by domain without losing rows or users', () => {
    expect(sources.map((s) => s.name)).toEqual(['books', 'games', 'movies']);
    expect(sources.reduce((n, s) => n + s.rows.userIdx.length, 0)).toBe(prepared.rows.userIdx.length);
    expect(corpus.users).toHaveLength(120);
    expect(corpus.items).toHaveLength(prepared.items.length);
  });

  it('CPRec windows on a train-only target domain never contain held-out behaviours', () => {
    const movies = sources[2];
    if (!movies) throw new Error('demo');
    const trainOnly = buildCorpus(sources.map((s) => (s.name === 'movies' ? { ...s, rows: dropLastPerUser(s.rows, 2).rows } : s)));
    const mixed = mixedSequences(trainOnly);
    const w = targetDomainWindows(mixed, 2, { maxHistory: 10 });
    expect(w.user.length).toBeGreaterThan(100);
    const split = leaveOneOutSplit(movies.rows, movies.items.length, 120);
    const heldOut = new Set<string>();
    for (const c of [split.valid, split.test]) for (let k = 0; k < c.user.length; k++) heldOut.add(`${c.user[k]}:${(domainByName(trainOnly, 'movies').itemGlobal[c.target[k] ?? 0] ?? 0)}`);
    for (let k = 0; k < w.user.length; k++) {
      expect(mixed.domainIdx[w.end[k] ?? 0]).toBe(2);
      for (let j = w.start[k] ?? 0; j <= (w.end[k] ?? 0); j++) {
        expect(mixed.ts[j] ?? 0).toBeLessThanOrEqual(mixed.ts[w.end[k] ?? 0] ?? 0);
        expect(heldOut.has(`${w.user[k]}:${mixed.items.values[j]}`)).toBe(false);
      }
    }
  });

  it('RecCocktail corpora on the cold split: no cold test item in either training corpus', () => {
    const games = domainByName(corpus, 'games');
    const split = coldItemSplit(games.source.rows, games.source.items.length, { fraction: 0.1, strategy: { kind: 'newest' } }, 120);
    const out = buildRecCocktailCorpora(corpus, 'games', split, { seed: 5, windowsPerUser: 2, negatives: 9 });
    const coldTitles = new Set(Array.from(split.test.target, (it) => games.source.items[it - 1]?.title ?? ''));
    expect(coldTitles.size).toBeGreaterThan(0);
    for (const ex of [...out.general, ...out.target]) {
      for (const t of coldTitles) expect(ex.prompt.includes(`. ${t}\n`) || ex.completion === t).toBe(false);
    }
    expect(out.general.length).toBeGreaterThan(0);
    expect(out.target.length).toBeGreaterThan(0);
  });
});
