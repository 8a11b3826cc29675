import { describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../core/protocol';
import { formatTimestamp, historyBars, longTailPoints, timeBars } from './profileBars';

const profile = (over: Partial<DatasetProfile>): DatasetProfile => ({
  users: 0, items: 0, interactions: 0, density: 0, historyLengths: [], popularity: { top1: 0, top10: 0, top20: 0, gini: 0 },
  longTail: [], timeRange: null, timeHistogram: [], duplicatePairs: 0, duplicateInteractions: 0, itemsMissingTitle: 0, domains: [], ...over,
});

describe('profile chart data', () => {
  it('labels log bins as ranges, with their start as the axis tick', () => {
    const p = profile({ historyLengths: [{ lo: 1, hi: 2, count: 3 }, { lo: 2, hi: 4, count: 1 }, { lo: 512, hi: 1024, count: 0 }] });
    expect(historyBars(p)).toEqual([{ label: '1', tick: '1', value: 3 }, { label: '2–3', tick: '2', value: 1 }, { label: '512–1023', tick: '512', value: 0 }]);
  });
  it('formats seconds, milliseconds and plain counters', () => {
    expect(formatTimestamp(874965758)).toBe('1997-09'); // ml-100k's first rating
    expect(formatTimestamp(874965758000)).toBe('1997-09');
    expect(formatTimestamp(1234)).toBe('1234');
    expect(timeBars(profile({ timeHistogram: [{ start: 10, end: 20, count: 4 }] }))).toEqual([{ label: '10', value: 4 }]);
  });
  it('long tail in percent', () => {
    expect(longTailPoints(profile({ longTail: [{ itemShare: 0.5, interactionShare: 0.9 }] }))).toEqual([{ items: 50, interactions: 90 }]);
  });
});
