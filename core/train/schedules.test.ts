import { describe, expect, it } from 'vitest';
import { constantSchedule, cosineSchedule, decayFactor, linearSchedule, makeSchedule, wsaSchedule } from './schedules';

const at = (f: (s: number) => number, steps: number[]): number[] => steps.map(f);

describe('lr schedules', () => {
  it('constant', () => {
    expect(at(constantSchedule(1e-3), [0, 1, 1000])).toEqual([1e-3, 1e-3, 1e-3]);
  });

  it('linear: warm-up reaches the peak on update warmup−1, then decays to minLr at total', () => {
    const f = linearSchedule(1, 4, 12);
    expect(at(f, [0, 1, 2, 3])).toEqual([0.25, 0.5, 0.75, 1]);
    expect(at(f, [4, 6, 8, 12, 20])).toEqual([1, 0.75, 0.5, 0, 0]);
    expect(linearSchedule(1, 0, 10, 0.1)(5)).toBeCloseTo(0.55, 12);
  });

  it('cosine: half-cosine after warm-up', () => {
    const f = cosineSchedule(2, 2, 10);
    expect(at(f, [0, 1, 2])).toEqual([1, 2, 2]);
    expect(f(6)).toBeCloseTo(1, 12); // halfway through the 8 decay steps
    expect(f(10)).toBeCloseTo(0, 12);
    expect(cosineSchedule(1, 0, 4, 0.2)(2)).toBeCloseTo(0.6, 12);
  });

  it('WSA: warm-up, stable at peak, then annealing', () => {
    const f = wsaSchedule(1, 100, 0.1, 0.5); // warm-up 10 steps, stable to step 60, anneal 40
    expect(f(0)).toBeCloseTo(0.1, 12);
    expect(f(9)).toBe(1);
    expect(at(f, [10, 35, 59])).toEqual([1, 1, 1]);
    expect(f(60)).toBe(1);
    expect(f(80)).toBeCloseTo(0.5, 12);
    expect(f(100)).toBeCloseTo(0, 12);
    expect(wsaSchedule(1, 100, 0, 0.5, 0, 'linear')(75)).toBeCloseTo(0.5, 12);
    expect(wsaSchedule(1, 100, 0, 0, 0, '1-sqrt')(25)).toBeCloseTo(0.5, 12);
    expect(() => wsaSchedule(1, 100, 0.6, 0.5)).toThrow(RangeError);
  });

  it('decay shapes and configs', () => {
    expect([decayFactor('linear', 0.25), decayFactor('cosine', 0.5), decayFactor('1-sqrt', 0.25)]).toEqual([0.75, 0.5, 0.5]);
    expect(decayFactor('cosine', 2)).toBeCloseTo(0, 12);
    expect(makeSchedule({ kind: 'wsa', peak: 1, totalSteps: 10, warmupFraction: 0.2, stableFraction: 0.3 })(1)).toBe(1);
    expect(makeSchedule({ kind: 'constant', lr: 3 })(7)).toBe(3);
  });
});
