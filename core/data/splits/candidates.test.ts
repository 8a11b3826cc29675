import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../train/rng';
import { candidatesOf, sampleCandidateSets, trainPopularity } from './candidates';
import { chooseColdItems } from './coldItems';
import { coldItemSplit } from './coldSplit';
import { columnsFromEvents } from './fromEvents';
import { leaveOneOutSplit } from './leaveOneOut';
import { temporalRatioSplit } from './temporal';
import { caseCount, caseHistory } from './types';
import { sampleWeightedWithoutReplacement, weightTable } from './weightedSampling';

/** 30 users walking through 60 items; item 60 only ever appears as a test target. */
function walkSplit(): ReturnType<typeof leaveOneOutSplit> {
  const events = Array.from({ length: 30 }, (_, u) => {
    const seq = Array.from({ length: 8 }, (_, j) => ({ item: 1 + ((u + j * 3) % 59), ts: j }));
    return u % 3 === 0 ? [...seq, { item: 60, ts: 100 }] : seq;
  });
  return leaveOneOutSplit(columnsFromEvents(events), 60);
}

describe('sampleCandidateSets', () => {
  const split = walkSplit();

  it('puts the target first and draws distinct negatives outside history + target', () => {
    for (const strategy of ['uniform', 'popularity'] as const) {
      const sets = sampleCandidateSets(split, 'test', { negatives: 20, strategy, seed: 9 });
      expect(sets.width).toBe(21);
      for (let k = 0; k < caseCount(split.test); k++) {
        const row = [...candidatesOf(sets, k)];
        expect(row[0]).toBe(split.test.target[k]);
        expect(new Set(row).size).toBe(21);
        const banned = new Set(caseHistory(split, split.test, k));
        row.slice(1).forEach((it) => expect(banned.has(it)).toBe(false));
      }
      expect(sets.protocol).toMatchObject({ kind: 'sampled', phase: 'test', strategy, seed: 9, negatives: 20, exclude: 'history' });
    }
  });

  it('is deterministic per seed and phase', () => {
    const draw = (seed: number, phase: 'valid' | 'test'): number[] => [...sampleCandidateSets(split, phase, { negatives: 10, strategy: 'uniform', seed }).items];
    expect(draw(1, 'test')).toEqual(draw(1, 'test'));
    expect(draw(1, 'test')).not.toEqual(draw(2, 'test'));
    expect(draw(1, 'valid')).not.toEqual(draw(1, 'test'));
  });

  it('counts popularity on train only: an item seen only in test is never a popularity negative', () => {
    expect(trainPopularity(split, 0)[60]).toBe(0);
    const sets = sampleCandidateSets(split, 'valid', { negatives: 30, strategy: 'popularity', seed: 4 });
    for (let k = 0; k < caseCount(split.valid); k++) expect([...candidatesOf(sets, k)].slice(1)).not.toContain(60);
    const smoothed = sampleCandidateSets(split, 'valid', { negatives: 50, strategy: 'popularity', seed: 4, smoothing: 1 });
    expect([...smoothed.items]).toContain(60);
    expect(smoothed.protocol.popularitySource).toBe('train');
  });

  it("'all-interactions' also excludes the user's later items", () => {
    const cols = columnsFromEvents([[1, 2, 3, 4, 5].map((item, ts) => ({ item, ts }))]);
    const s = temporalRatioSplit(cols, 8, { ratios: [0.4, 0.2, 0.4] });
    const sets = sampleCandidateSets(s, 'valid', { negatives: 3, strategy: 'uniform', seed: 1, exclude: 'all-interactions' });
    expect([...candidatesOf(sets, 0)].slice(1).sort()).toEqual([6, 7, 8]);
  });
});

describe('candidates on a cold-item split', () => {
  it('can keep cold items out of validation candidate sets', () => {
    const events = Array.from({ length: 12 }, (_, u) => Array.from({ length: 6 }, (_, j) => ({ item: 1 + ((u * 2 + j) % 20), ts: j + (u % 3) })));
    const cols = columnsFromEvents(events);
    const split = coldItemSplit(cols, 20, { fraction: 0.25, strategy: { kind: 'random', seed: 3 } });
    const cold = chooseColdItems(cols, 20, 0.25, { kind: 'random', seed: 3 }).items;
    const sets = sampleCandidateSets(split, 'valid', { negatives: 5, strategy: 'uniform', seed: 1, neverNegatives: [...cold] });
    expect(sets.protocol.neverNegatives).toBe(cold.length);
    for (const it of sets.items) expect(cold.includes(it)).toBe(false);
  });
});

describe('sampleWeightedWithoutReplacement', () => {
  it('follows the weights and falls back to an exact draw when rejection stalls', () => {
    const table = weightTable(Float64Array.from([0, 1000, 1, 1, 1, 0]));
    const rng = createRng(3);
    let firstPicked = 0;
    for (let t = 0; t < 200; t++) if (sampleWeightedWithoutReplacement(rng, table, new Int32Array(), 1)[0] === 1) firstPicked++;
    expect(firstPicked).toBeGreaterThan(190);
    const dense = [...sampleWeightedWithoutReplacement(createRng(1), table, Int32Array.from([1]), 3)].sort();
    expect(dense).toEqual([2, 3, 4]);
    expect(() => sampleWeightedWithoutReplacement(createRng(1), table, Int32Array.from([1, 2]), 3)).toThrow(/only 2 items/);
  });

  it('never returns excluded, zero-weight or repeated items (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 2, maxLength: 30 }), fc.nat(1000), fc.array(fc.nat(30)), (w, seed, ex) => {
        const weights = Float64Array.from([0, ...w.slice(1)]);
        const exclude = Int32Array.from(new Set(ex)).sort();
        let allowed = 0;
        weights.forEach((x, i) => (allowed += x > 0 && !exclude.includes(i) ? 1 : 0));
        const n = Math.min(allowed, 4);
        if (n === 0) return;
        const got = [...sampleWeightedWithoutReplacement(createRng(seed), weightTable(weights), exclude, n)];
        expect(new Set(got).size).toBe(n);
        got.forEach((it) => {
          expect(weights[it]).toBeGreaterThan(0);
          expect(exclude.includes(it)).toBe(false);
        });
      }),
      { numRuns: 300, seed: 2 },
    );
  });
});
