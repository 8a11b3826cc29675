import { describe, expect, it } from 'vitest';
import { ThrottledProgress, type ProgressDelta } from './progress';

function setup(): { deltas: ProgressDelta[]; clock: { t: number }; p: ThrottledProgress } {
  const deltas: ProgressDelta[] = [];
  const clock = { t: 0 };
  const p = new ThrottledProgress({ emit: (d) => deltas.push(d), now: () => clock.t, totalSteps: 100, epochs: 4, etaWindow: 4 });
  return { deltas, clock, p };
}
const point = (step: number): { step: number; epoch: number; loss: number; lr: number } => ({ step, epoch: 1, loss: 1 / step, lr: 1e-3 });

describe('ThrottledProgress', () => {
  it('emits at most every 100 ms and never loses a point', () => {
    const { deltas, clock, p } = setup();
    for (let s = 1; s <= 30; s++) {
      clock.t = s * 10; // a step every 10 ms
      p.record(point(s));
    }
    p.flush();
    const emitTimes = [10, 110, 210, 300];
    expect(deltas).toHaveLength(emitTimes.length);
    expect(deltas.map((d) => d.points.map((x) => x.step)).flat()).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(deltas[1]?.points.map((x) => x.step)).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
  });

  it('estimates the ETA from recent step times', () => {
    const { deltas, clock, p } = setup();
    p.record(point(1));
    expect(deltas[0]?.progress.etaSeconds).toBeNull();
    // A slow first step, then 50 ms steps: the window (4 steps) forgets the slow one.
    for (let s = 2; s <= 10; s++) {
      clock.t = 1000 + s * 50;
      p.record(point(s));
    }
    p.flush();
    const last = deltas[deltas.length - 1]?.progress;
    expect(last).toMatchObject({ step: 10, totalSteps: 100, epoch: 1, epochs: 4, phase: 'train' });
    expect(last?.etaSeconds).toBeCloseTo((90 * 50) / 1000, 9);
  });

  it('flushes on entering eval, with no ETA', () => {
    const { deltas, p } = setup();
    p.record(point(1));
    p.record(point(2));
    p.enterEval();
    expect(deltas).toHaveLength(2);
    expect(deltas[1]).toEqual({ points: [point(2)], progress: { step: 2, totalSteps: 100, epoch: 1, epochs: 4, etaSeconds: null, phase: 'eval' } });
  });
});
