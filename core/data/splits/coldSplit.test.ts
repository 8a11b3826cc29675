import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userStarts } from './columns';
import { chooseColdItems } from './coldItems';
import { coldItemSplit } from './coldSplit';
import { columnsFromEvents, type UserEvent } from './fromEvents';
import { caseCount, caseHistory } from './types';

const ev = (pairs: readonly [number, number][]): UserEvent[] => pairs.map(([item, ts]) => ({ item, ts }));

describe('coldItemSplit (hand-computed)', () => {
  // First appearances on the global line: 3, 2, 1, 9, 8 → the newest 40% (2 of 5) are 8 and 9.
  const cols = columnsFromEvents([ev([[3, 0], [1, 1], [2, 2], [9, 3]]), ev([[2, 1], [9, 5]]), ev([[8, 9], [1, 10]])]);
  const s = coldItemSplit(cols, 9, { fraction: 0.4, strategy: { kind: 'newest' } });

  it('chooses the newest items by first appearance', () => {
    expect([...chooseColdItems(cols, 9, 0.4, { kind: 'newest' }).items]).toEqual([8, 9]);
  });

  it('moves every cold interaction to test, with warm-only histories before it', () => {
    expect([...s.test.target]).toEqual([9, 9]);
    expect([...caseHistory(s, s.test, 0)]).toEqual([3, 1, 2]);
    expect([...caseHistory(s, s.test, 1)]).toEqual([2]);
    expect(s.protocol.params).toMatchObject({ coldItems: 2, coldInteractions: 3, droppedTestCases: 1 });
  });

  it('validates on the last warm item and trains on the rest', () => {
    expect([...s.valid.target]).toEqual([2]);
    expect([...caseHistory(s, s.valid, 0)]).toEqual([3, 1]);
    expect([...s.train.values]).toEqual([3, 1, 2, 1]);
    expect(s.protocol).toMatchObject({ kind: 'cold-item', seed: null, counts: { users: 3, trainInteractions: 4, validCases: 1, testCases: 2 } });
  });

  it('random choice is seeded and recorded', () => {
    const a = coldItemSplit(cols, 9, { fraction: 0.4, strategy: { kind: 'random', seed: 11 } });
    expect(a).toEqual(coldItemSplit(cols, 9, { fraction: 0.4, strategy: { kind: 'random', seed: 11 } }));
    expect(a.protocol.seed).toBe(11);
    expect(a.protocol.params).toMatchObject({ strategy: 'random', seed: 11 });
  });
});

const eventsArb = fc.array(fc.array(fc.record({ item: fc.integer({ min: 1, max: 10 }), ts: fc.integer({ min: 0, max: 12 }) }), { maxLength: 12 }), {
  minLength: 1,
  maxLength: 8,
});
const strategyArb = fc.oneof(fc.constant({ kind: 'newest' as const }), fc.integer({ min: 0, max: 1000 }).map((seed) => ({ kind: 'random' as const, seed })));

describe('coldItemSplit (leakage properties)', () => {
  it('no cold test item occurs in train or validation, and no history reaches a later interaction', () => {
    fc.assert(
      fc.property(eventsArb, fc.double({ min: 0, max: 0.9, noNaN: true }), strategyArb, (events, fraction, strategy) => {
        const cols = columnsFromEvents(events);
        const s = coldItemSplit(cols, 10, { fraction, strategy, minHistory: 0 });
        const seenInTrainOrValid = new Set<number>([...s.train.values, ...s.valid.target]);
        for (let k = 0; k < caseCount(s.valid); k++) caseHistory(s, s.valid, k).forEach((it) => seenInTrainOrValid.add(it));
        const cold = chooseColdItems(cols, 10, fraction, strategy).isCold;
        for (let k = 0; k < caseCount(s.test); k++) {
          const target = s.test.target[k] ?? 0;
          expect(cold[target]).toBe(1);
          expect(seenInTrainOrValid.has(target)).toBe(false);
          caseHistory(s, s.test, k).forEach((it) => expect(cold[it]).toBe(0));
        }
        checkTestHistoriesArePast(cols, s, cold);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

/** Every test case must match a cold row whose earlier warm rows are exactly its history. */
function checkTestHistoriesArePast(cols: ReturnType<typeof columnsFromEvents>, s: ReturnType<typeof coldItemSplit>, cold: Uint8Array): void {
  const starts = userStarts(cols, s.timeline.offsets.length - 1);
  const matched = new Set<number>();
  for (let k = 0; k < caseCount(s.test); k++) {
    const u = s.test.user[k] ?? 0;
    const hist = [...caseHistory(s, s.test, k)];
    let row = -1;
    const warmBefore: number[] = [];
    for (let r = starts[u] ?? 0; r < (starts[u + 1] ?? 0); r++) {
      const it = cols.itemIdx[r] ?? 0;
      if (cold[it] === 1 && it === s.test.target[k] && !matched.has(r) && warmBefore.length === hist.length) {
        row = r;
        break;
      }
      if (cold[it] === 0) warmBefore.push(it);
    }
    expect(row).toBeGreaterThanOrEqual(0);
    matched.add(row);
    expect(warmBefore).toEqual(hist);
  }
}
