import { describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus';
import { targetDomainWindows } from './cprecWindows';
import { domainSpecificSequences, mixedSequences } from './mixed';
import { handCorpusSources } from './testFixtures';

describe('buildCorpus', () => {
  const corpus = buildCorpus(handCorpusSources());

  it('namespaces items per domain and shares users by identity', () => {
    expect(corpus.items.map((i) => i.id)).toEqual(['movies:m1', 'movies:m2', 'movies:m3', 'books:b1', 'books:b2', 'books:b3']);
    expect(corpus.users.map((u) => u.identity)).toEqual(['shared/a', 'shared/b', 'shared/c']);
    expect([...(corpus.domains[1]?.userGlobal ?? [])]).toEqual([0, 2]);
    expect(corpus.step).toEqual({ step: 'register-domains', params: { domains: 'movies,books', users: 3, items: 6 }, before: 10, after: 10 });
  });

  it('keeps users apart when their user spaces differ, and rejects duplicate names', () => {
    const [m, b] = handCorpusSources();
    if (!m || !b) throw new Error('fixture');
    expect(buildCorpus([m, { ...b, userSpace: 'other' }]).users).toHaveLength(4);
    expect(() => buildCorpus([m, { ...b, name: 'movies' }])).toThrow(/unique/);
  });
});

describe('mixedSequences', () => {
  const mixed = mixedSequences(buildCorpus(handCorpusSources()));

  it('merges chronologically, ties by domain order', () => {
    // a: m1@1 m2@5 b1@5 (tie → movies first) b2@7 b3@8 m3@9
    expect([...mixed.items.offsets]).toEqual([0, 6, 8, 10]);
    expect([...mixed.items.values]).toEqual([1, 2, 4, 5, 6, 3, 2, 1, 4, 5]);
    expect([...mixed.domainIdx]).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 1, 1]);
    expect(mixed.step.params).toMatchObject({ domainSwitches: 2 });
  });

  it('domain-specific sequences are the per-domain projection', () => {
    const books = domainSpecificSequences(buildCorpus(handCorpusSources()), 1);
    expect([...books.offsets]).toEqual([0, 3, 3, 5]);
    expect([...books.values]).toEqual([4, 5, 6, 4, 5]);
  });
});

describe('targetDomainWindows (CPRec §4.3.2)', () => {
  const mixed = mixedSequences(buildCorpus(handCorpusSources()));

  it('keeps windows whose target is in the target domain and whose history contains it', () => {
    const w = targetDomainWindows(mixed, 0, { maxHistory: 2 });
    // a: m2 ← [m1] kept; m3 ← [b2, b3] dropped (no movie in history); b: m1 ← [m2] kept
    expect([...w.target]).toEqual([2, 1]);
    expect([...w.start]).toEqual([0, 6]);
    expect([...w.end]).toEqual([1, 7]);
    expect(w.step).toMatchObject({ step: 'cprec-target-windows', before: 7, after: 2 });
    expect([...targetDomainWindows(mixed, 0, { maxHistory: 2, requireTargetDomainInHistory: false }).target]).toEqual([2, 3, 1]);
  });

  it('for books: cross-domain history is kept as long as a book is in it', () => {
    const w = targetDomainWindows(mixed, 1, { maxHistory: 2 });
    expect([...w.target]).toEqual([5, 6, 5]);
    expect([...w.user]).toEqual([0, 0, 2]);
  });
});
