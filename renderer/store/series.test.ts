import { describe, expect, it } from 'vitest';
import { points } from '../testing/fixtures';
import { appendPoints, EMPTY_SERIES, SERIES_CAP, seriesFrom } from './series';

describe('appendPoints', () => {
  it('appends deltas in order', () => {
    const s = appendPoints(appendPoints(EMPTY_SERIES, points(1, 3)), points(4, 5));
    expect(s.points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(s.lastStep).toBe(5);
  });

  it('ignores steps it already has (replayed or overlapping deltas)', () => {
    const s = appendPoints(seriesFrom(points(1, 5)), points(3, 7));
    expect(s.points.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const same = appendPoints(s, points(1, 7));
    expect(same).toBe(s);
    expect(appendPoints(s, [])).toBe(s);
  });

  it('does not mutate the previous series', () => {
    const a = seriesFrom(points(1, 3));
    const before = a.points.slice();
    appendPoints(a, points(4, 6));
    expect(a.points).toEqual(before);
  });

  it('caps a long series by keeping every n-th point plus the latest', () => {
    const cap = 10;
    let s = EMPTY_SERIES;
    for (let step = 1; step <= 100; step += 1) s = appendPoints(s, points(step, step), cap);
    expect(s.points.length).toBeLessThanOrEqual(cap);
    expect(s.points[0]?.step).toBe(1);
    expect(s.points[s.points.length - 1]?.step).toBe(100);
    // Kept points are evenly spaced by the stride (the latest may be off-stride).
    const kept = s.tailExtra ? s.points.slice(0, -1) : s.points;
    const gaps = new Set(kept.slice(1).map((p, i) => p.step - (kept[i]?.step ?? 0)));
    expect([...gaps]).toEqual([s.stride]);
  });

  it('thins one big snapshot the same way', () => {
    const s = seriesFrom(points(1, 12_345));
    expect(s.points.length).toBeLessThanOrEqual(SERIES_CAP);
    expect(s.points.length).toBeGreaterThan(SERIES_CAP / 4);
    expect(s.points[s.points.length - 1]?.step).toBe(12_345);
    expect(s.seen).toBe(12_345);
  });

  it('stays bounded across many small deltas at the real cap', () => {
    let s = EMPTY_SERIES;
    for (let step = 1; step <= 20_000; step += 7) s = appendPoints(s, points(step, step + 6));
    expect(s.points.length).toBeLessThanOrEqual(SERIES_CAP);
    expect(s.points[s.points.length - 1]?.step).toBe(20_006);
  });
});
