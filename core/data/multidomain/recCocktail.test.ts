import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsFromEvents } from '../splits/fromEvents';
import { leaveOneOutSplit } from '../splits/leaveOneOut';
import { sampleCandidateSets } from '../splits/candidates';
import { coldItemSplit } from '../splits/coldSplit';
import { buildCorpus, domainByName, type DomainSource } from './corpus';
import { evalExamples } from './instructions';
import { protectedIdentities, removeOverlap, titleKey } from './overlap';
import { buildRecCocktailCorpora } from './recCocktail';
import { handCorpusSources } from './testFixtures';

/** The hand corpus plus movie user 'd' (m2@1, m3@2), who never reads books. */
function corpusWithD(): ReturnType<typeof buildCorpus> {
  const [movies, books] = handCorpusSources();
  if (!movies || !books) throw new Error('fixture');
  const rows = columnsFromEvents([
    [{ item: 1, ts: 1 }, { item: 2, ts: 5 }, { item: 3, ts: 9 }],
    [{ item: 2, ts: 2 }, { item: 1, ts: 3 }],
    [{ item: 2, ts: 1 }, { item: 3, ts: 2 }],
  ]);
  return buildCorpus([{ ...movies, users: ['a', 'b', 'd'], rows }, books]);
}

describe('RecCocktail overlap removal (hand-computed)', () => {
  const corpus = corpusWithD();
  const books = domainByName(corpus, 'books');
  const split = leaveOneOutSplit(books.source.rows, 3); // a: train b1 | valid b2 | test b3

  it('protects the eval users and target items, matching items also by title', () => {
    const p = protectedIdentities(corpus, books, split, { scope: 'eval', users: true, items: true, titles: true });
    expect([...p.users]).toEqual(['shared/a']);
    expect([...p.items].sort()).toEqual(['books/b2', 'books/b3']);
    expect([...p.titles].sort()).toEqual(['emma', 'heat']);
    const movies = removeOverlap(corpus, domainByName(corpus, 'movies'), p);
    // a's 3 movie rows go (user overlap); b's "Heat" goes (title of the test item b3)
    expect(movies.step).toEqual({ step: 'remove-overlap', params: { domain: 'movies', droppedForUser: 3, droppedForItem: 1 }, before: 7, after: 3 });
    expect([...movies.rows.itemIdx]).toEqual([2, 2, 3]);
  });

  it('builds the general corpus without protected users, items or titles (not even as negatives)', () => {
    const out = buildRecCocktailCorpora(corpus, 'books', split, { seed: 1 });
    expect(out.general).toEqual([
      {
        prompt: expect.stringContaining('1. Alien') as string,
        completion: 'Up',
        domain: 'movies',
        userId: 'shared/d',
        targetItem: 'movies:m3',
      },
    ]);
    expect(out.general[0]?.prompt).not.toMatch(/Heat/);
    expect(out.general[0]?.prompt).toMatch(/Candidate items:\n1\. Up\nWhich/);
    // target corpus from TRAIN only: c's [b1, b2] → predicts Emma; a's valid/test never appear
    expect(out.target.map((e) => [e.userId, e.completion])).toEqual([['shared/c', 'Emma']]);
    expect(out.protocol).toMatchObject({ targetDomain: 'books', generalDomains: ['movies'], protectedUsers: 1, protectedItems: 2, seed: 1 });
    expect(out.lineage.map((s) => s.step)).toEqual(['remove-overlap', 'general-instructions', 'target-instructions']);
  });

  it('is deterministic and renders eval prompts from candidate sets', () => {
    expect(buildRecCocktailCorpora(corpus, 'books', split, { seed: 3 })).toEqual(buildRecCocktailCorpora(corpus, 'books', split, { seed: 3 }));
    const sets = sampleCandidateSets(split, 'valid', { negatives: 1, strategy: 'uniform', seed: 2 });
    const [ex] = evalExamples(corpus, books, split, split.valid, sets, { seed: 2 });
    expect(ex).toMatchObject({ completion: 'Emma', targetItem: 'books:b2', userId: 'shared/a' });
    expect(ex?.prompt).toMatch(/oldest first:\n1\. Dune\nCandidate items:\n1\. (Emma|Heat)\n2\. (Emma|Heat)\nWhich/);
  });
});

/** Random 3-domain corpora: shared users u0..u5, titles drawn from a small pool so they collide. */
const domainArb = fc.array(fc.array(fc.record({ item: fc.integer({ min: 1, max: 6 }), ts: fc.integer({ min: 0, max: 9 }) }), { maxLength: 7 }), { minLength: 6, maxLength: 6 });
const titlesArb = fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 6, maxLength: 6 });

function randomSources(events: (typeof domainArb extends fc.Arbitrary<infer T> ? T : never)[], titles: number[][]): DomainSource[] {
  return ['t', 'g1', 'g2'].map((name, d) => ({
    name,
    users: ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'],
    items: Array.from({ length: 6 }, (_, k) => ({ rawId: `i${k + 1}`, title: `T${titles[d]?.[k] ?? 0}`, genres: [] })),
    rows: columnsFromEvents(events[d] ?? []),
  }));
}

describe('RecCocktail overlap removal (leakage properties)', () => {
  it('no general example mentions a protected user, item id or title — warm and cold splits', () => {
    fc.assert(
      fc.property(fc.array(domainArb, { minLength: 3, maxLength: 3 }), fc.array(titlesArb, { minLength: 3, maxLength: 3 }), fc.boolean(), (events, titles, cold) => {
        const corpus = buildCorpus(randomSources(events, titles));
        const target = domainByName(corpus, 't');
        const split = cold ? coldItemSplit(target.source.rows, 6, { fraction: 0.5, strategy: { kind: 'newest' } }, 6) : leaveOneOutSplit(target.source.rows, 6, 6);
        const p = protectedIdentities(corpus, target, split, { scope: 'eval', users: true, items: true, titles: true });
        const out = buildRecCocktailCorpora(corpus, 't', split, { seed: 9, windowsPerUser: 3, negatives: 4 });
        for (const ex of out.general) {
          expect(ex.domain).not.toBe('t');
          expect(p.users.has(ex.userId)).toBe(false);
          const shown = [...ex.prompt.matchAll(/^\d+\. (.*)$/gm)].map((m) => titleKey(m[1] ?? ''));
          for (const t of [...shown, titleKey(ex.completion)]) expect(p.titles.has(t)).toBe(false);
        }
        for (let k = 0; k < split.test.user.length; k++) {
          const title = corpus.items[(target.itemGlobal[split.test.target[k] ?? 0] ?? 0) - 1]?.title ?? null;
          expect(out.general.some((ex) => ex.prompt.includes(`. ${title}\n`) || ex.completion === title)).toBe(false);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
