import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsFromEvents, type UserEvent } from './fromEvents';
import { globalTimeOrder, temporalRatioSplit } from './temporal';
import { caseCount, caseHistory, type EvalCases, type SplitResult } from './types';
import { rowCount, userStarts, type InteractionColumns } from './columns';

const ev = (pairs: readonly [number, number][]): UserEvent[] => pairs.map(([item, ts]) => ({ item, ts }));

describe('temporalRatioSplit (hand-computed)', () => {
  // Global line by (ts, ord, user): 1 5 2 6 3 7 8 4 → train 1 5 2 6 | valid 3 7 | test 8 4.
  // Tie at ts=5: item 6 (ord 1) goes to train before item 3 (ord 2).
  const cols = columnsFromEvents([
    ev([[1, 1], [2, 2], [3, 5], [4, 10]]),
    ev([[5, 2], [6, 5], [7, 6]]),
    ev([[8, 10]]),
  ]);
  const s = temporalRatioSplit(cols, 8, { ratios: [0.5, 0.25, 0.25] });

  it('cuts the global time line at the ratios, ties by ord', () => {
    expect([...globalTimeOrder(cols)].map((r) => cols.itemIdx[r])).toEqual([1, 5, 2, 6, 3, 7, 8, 4]);
    expect([...s.train.offsets]).toEqual([0, 2, 4, 4]);
    expect([...s.train.values]).toEqual([1, 2, 5, 6]);
    expect(s.protocol.params).toMatchObject({ validFromTs: 5, testFromTs: 10, droppedCases: 1 });
  });

  it('histories are everything of the user before the target, including earlier valid items', () => {
    expect([...s.valid.target]).toEqual([3, 7]);
    expect([...caseHistory(s, s.valid, 0)]).toEqual([1, 2]);
    expect([...caseHistory(s, s.valid, 1)]).toEqual([5, 6]);
    expect([...s.test.target]).toEqual([4]); // item 8 has no history → dropped (minHistory 1)
    expect([...caseHistory(s, s.test, 0)]).toEqual([1, 2, 3]);
    expect(s.protocol.counts).toEqual({ users: 3, trainInteractions: 4, validCases: 2, testCases: 1 });
  });

  it('rejects ratios that do not sum to 1', () => {
    expect(() => temporalRatioSplit(cols, 8, { ratios: [0.8, 0.1, 0.2] })).toThrow(/summing to 1/);
  });
});

/** Random datasets with many timestamp ties and repeated items. */
const eventsArb = fc.array(fc.array(fc.record({ item: fc.integer({ min: 1, max: 12 }), ts: fc.integer({ min: 0, max: 15 }) }), { maxLength: 14 }), {
  minLength: 1,
  maxLength: 8,
});

/** For each case: the row it targets, found as the user's row at ord = historyEnd. */
function checkNoFuture(cols: InteractionColumns, s: SplitResult, cases: EvalCases): void {
  const starts = userStarts(cols, s.timeline.offsets.length - 1);
  for (let k = 0; k < caseCount(cases); k++) {
    const u = cases.user[k] ?? 0;
    const row = (starts[u] ?? 0) + (cases.historyEnd[k] ?? 0);
    expect(cols.itemIdx[row]).toBe(cases.target[k]);
    const hist = caseHistory(s, cases, k);
    hist.forEach((item, j) => {
      expect(item).toBe(cols.itemIdx[(starts[u] ?? 0) + j]);
      expect(cols.ts[(starts[u] ?? 0) + j] ?? 0).toBeLessThanOrEqual(cols.ts[row] ?? 0);
    });
  }
}

describe('temporalRatioSplit (properties)', () => {
  it('train ≤ valid ≤ test in time, histories never contain the future, every row is used once', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom<[number, number, number]>([0.8, 0.1, 0.1], [0.6, 0.2, 0.2], [0.34, 0.33, 0.33]), (events, ratios) => {
        const cols = columnsFromEvents(events);
        const s = temporalRatioSplit(cols, 12, { ratios, minHistory: 0 });
        const order = globalTimeOrder(cols);
        const pos = new Int32Array(rowCount(cols));
        order.forEach((r, k) => (pos[r] = k));
        const starts = userStarts(cols, events.length);
        const posOf = (c: EvalCases, k: number): number => pos[(starts[c.user[k] ?? 0] ?? 0) + (c.historyEnd[k] ?? 0)] ?? 0;
        const validPos = Array.from({ length: caseCount(s.valid) }, (_, k) => posOf(s.valid, k));
        const testPos = Array.from({ length: caseCount(s.test) }, (_, k) => posOf(s.test, k));
        const trainEnd = s.train.values.length;
        validPos.forEach((p) => expect(p).toBeGreaterThanOrEqual(trainEnd));
        testPos.forEach((p) => expect(p).toBeGreaterThan(Math.max(-1, ...validPos)));
        expect(trainEnd + validPos.length + testPos.length).toBe(rowCount(cols));
        checkNoFuture(cols, s, s.valid);
        checkNoFuture(cols, s, s.test);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const cols = columnsFromEvents(events);
        expect(temporalRatioSplit(cols, 12, { ratios: [0.8, 0.1, 0.1] })).toEqual(temporalRatioSplit(cols, 12, { ratios: [0.8, 0.1, 0.1] }));
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});
