import { describe, expect, it } from 'vitest';
import { columnsFromEvents } from './fromEvents';
import { leaveOneOutSplit } from './leaveOneOut';
import { caseHistory } from './types';

describe('leaveOneOutSplit', () => {
  it('wraps buildLeaveOneOut: test history = train + valid, valid history = train', () => {
    const cols = columnsFromEvents([
      [5, 3, 7, 9].map((item, ts) => ({ item, ts })),
      [2, 4].map((item, ts) => ({ item, ts })),
    ]);
    const s = leaveOneOutSplit(cols, 9);
    expect([...s.train.values]).toEqual([5, 3, 2, 4]);
    expect([...s.valid.target]).toEqual([7]);
    expect([...s.test.target]).toEqual([9]);
    expect([...caseHistory(s, s.valid, 0)]).toEqual([5, 3]);
    expect([...caseHistory(s, s.test, 0)]).toEqual([5, 3, 7]);
    expect(s.protocol.counts).toEqual({ users: 2, trainInteractions: 4, validCases: 1, testCases: 1 });
    expect(s.step).toMatchObject({ step: 'split-leave-one-out', before: 6, after: 4 });
  });
});
