import { describe, expect, it } from 'vitest';
import { decimateM4, lowerBound } from './decimate';
import { clampInto, niceTicks, panWindow, zoomWindow } from './viewport';

describe('M4 decimation', () => {
  it('keeps first, min, max and last of each pixel column, in x order', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7];
    const ys = [5, 1, 9, 4, 3, 3, 8, 2];
    // 2 columns over [0, 8): {0..3} and {4..7}
    const d = decimateM4(xs, ys, 8, 0, 8, 2);
    expect(Array.from(d.xs.subarray(0, d.count))).toEqual([0, 1, 2, 3, 4, 6, 7]);
    expect([d.yMin, d.yMax]).toEqual([1, 9]);
  });

  it('covers only the window plus one neighbour each side, and bounds the output', () => {
    const n = 1_000_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 1000) + (i % 7) * 0.01);
    const d = decimateM4(xs, ys, n, 250_000, 260_000, 800);
    expect(d.count).toBeLessThanOrEqual(4 * 802);
    expect(d.xs[0]).toBe(249_999);
    expect(d.xs[d.count - 1]).toBe(260_000);
    // The true extremes of the window survive.
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 249_999; i <= 260_000; i++) { lo = Math.min(lo, ys[i] as number); hi = Math.max(hi, ys[i] as number); }
    expect([d.yMin, d.yMax]).toEqual([lo, hi]);
  });

  it('skips non-finite values and finds insertion points', () => {
    const d = decimateM4([0, 1, 2], [1, Number.NaN, 3], 3, 0, 3, 10);
    expect(Array.from(d.ys.subarray(0, d.count))).toEqual([1, 3]);
    expect(lowerBound([1, 3, 5], 3, 3)).toBe(1);
    expect(lowerBound([1, 3, 5], 3, 6)).toBe(3);
  });
});

describe('viewport', () => {
  const bounds = { x0: 0, x1: 100 };
  it('pans by pixels and stays inside the data', () => {
    expect(panWindow({ x0: 40, x1: 60 }, 50, 100, bounds)).toEqual({ x0: 30, x1: 50 });
    expect(panWindow({ x0: 10, x1: 30 }, 500, 100, bounds)).toEqual({ x0: 0, x1: 20 });
  });
  it('zooms around the cursor within limits', () => {
    expect(zoomWindow({ x0: 0, x1: 100 }, 0.5, 0.5, bounds, 1)).toEqual({ x0: 25, x1: 75 });
    expect(zoomWindow({ x0: 0, x1: 100 }, 0.5, 0, bounds, 1)).toEqual({ x0: 0, x1: 50 });
    expect(zoomWindow({ x0: 40, x1: 42 }, 0.1, 0.5, bounds, 1).x1 - zoomWindow({ x0: 40, x1: 42 }, 0.1, 0.5, bounds, 1).x0).toBe(1);
    expect(zoomWindow({ x0: 20, x1: 80 }, 10, 0.5, bounds, 1)).toEqual(bounds);
    expect(clampInto({ x0: -5, x1: 5 }, bounds)).toEqual({ x0: 0, x1: 10 });
  });
  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 97, 4)).toEqual([20, 40, 60, 80]);
    expect(niceTicks(5, 5, 4)).toEqual([5]);
  });
});
