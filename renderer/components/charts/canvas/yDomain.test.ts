import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../../lib/format';
import { niceTicks, tickStep } from './viewport';
import { yDomain } from './yDomain';

/** The y tick labels a chart shows for data in [lo, hi] (4 ticks wanted, as the canvas chart asks). */
function tickLabels(lo: number, hi: number): string[] {
  const d = yDomain(lo, hi);
  const step = tickStep(d.lo, d.hi, 4);
  return niceTicks(d.lo, d.hi, 4).map((t) => formatCompact(t, step));
}

describe('yDomain', () => {
  it('pads a constant symmetrically by half its size, so it sits mid-axis among a few round ticks', () => {
    expect(yDomain(1e-3, 1e-3)).toEqual({ lo: 5e-4, hi: 1.5e-3 });
    expect(tickLabels(1e-3, 1e-3)).toEqual(['6e-4', '8e-4', '1e-3', '1.2e-3', '1.4e-3']);
    expect(tickLabels(1.144, 1.144)).toEqual(['0.6', '0.8', '1', '1.2', '1.4', '1.6']);
  });

  it('treats float32 noise on a constant as constant', () => {
    const f32 = Math.fround(1e-3);
    expect(yDomain(f32, f32 * (1 + 1e-7)).hi - yDomain(f32, f32 * (1 + 1e-7)).lo).toBeCloseTo(1e-3, 9);
  });

  it('pads zero by one each way, and data with no points to a unit range', () => {
    expect(yDomain(0, 0)).toEqual({ lo: -1, hi: 1 });
    expect(yDomain(Infinity, -Infinity)).toEqual({ lo: 0, hi: 1 });
  });

  it('gives varying data a 5 % margin, with labels that stay distinct however small the range', () => {
    expect(yDomain(0, 10)).toEqual({ lo: -0.5, hi: 10.5 });
    const labels = tickLabels(1.144, 1.1444);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('1.1442');
  });
});

describe('niceTicks', () => {
  it('puts a tick at exactly 0 when the range crosses it', () => {
    expect(niceTicks(-0.3, 0.3, 6)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(tickStep(0, 1e-4, 4)).toBe(2e-5);
  });
});
