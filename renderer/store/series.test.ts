import { describe, expect, it } from 'vitest';
import { points } from '../testing/fixtures';
import { appendPoints, EMPTY_SERIES, lastPoint, pointsOf, seriesFromColumns } from './series';

const steps = (s: ReturnType<typeof appendPoints>): number[] => Array.from(s.step.subarray(0, s.length));

describe('columnar series', () => {
  it('appends deltas in order', () => {
    const s = appendPoints(appendPoints(EMPTY_SERIES, points(1, 3)), points(4, 5));
    expect(steps(s)).toEqual([1, 2, 3, 4, 5]);
    expect(s.lastStep).toBe(5);
    expect(lastPoint(s)).toEqual({ step: 5, epoch: 1, loss: 1 / 5, lr: 1e-3 });
  });

  it('ignores steps it already has and out-of-order ones', () => {
    const s = appendPoints(appendPoints(EMPTY_SERIES, points(1, 5)), points(3, 7));
    expect(steps(s)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(appendPoints(s, points(1, 7))).toBe(s);
    expect(appendPoints(s, [])).toBe(s);
    const mixed = appendPoints(EMPTY_SERIES, [...points(5, 5), ...points(3, 4), ...points(6, 6)]);
    expect(steps(mixed)).toEqual([5, 6]);
  });

  it('earlier snapshots keep their view while the buffers grow', () => {
    const a = appendPoints(EMPTY_SERIES, points(1, 3));
    const b = appendPoints(a, points(4, 1000));
    expect(pointsOf(a)).toEqual(points(1, 3));
    expect(b.length).toBe(1000);
    expect(b.step.length).toBeGreaterThanOrEqual(1000);
  });

  it('holds a million points from runs.get columns', () => {
    const n = 1_000_000;
    const cols = { step: Array.from({ length: n }, (_, i) => i + 1), epoch: new Array<number>(n).fill(1), loss: Array.from({ length: n }, (_, i) => 1 / (i + 1)), lr: new Array<number>(n).fill(1e-3) };
    const s = seriesFromColumns(cols);
    expect(s.length).toBe(n);
    expect(s.lastStep).toBe(n);
    expect(appendPoints(s, points(n + 1, n + 2)).length).toBe(n + 2);
  });
});
