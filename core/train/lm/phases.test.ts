import { describe, expect, it } from 'vitest';
import { RecForgeError } from '../../errors';
import { makeSchedule } from '../schedules';
import { phaseBoundaries, resolvePhase, stepsPerSource, validatePhases, wsaDataPhases } from './phases';

describe('data phases', () => {
  it('WSA phases switch to the target source exactly where annealing starts', () => {
    const wsa = { kind: 'wsa', peak: 1, totalSteps: 20, warmupFraction: 0.1, stableFraction: 0.6 } as const;
    const phases = wsaDataPhases(wsa, 'g', 't');
    expect(phases).toEqual([
      { name: 'warmup', source: 'g', startStep: 0 },
      { name: 'stable', source: 'g', startStep: 2 },
      { name: 'anneal', source: 't', startStep: 14 },
    ]);
    const lr = makeSchedule(wsa);
    expect(lr(13)).toBe(1);
    expect(lr(14)).toBe(1);
    expect(lr(15)).toBeLessThan(1);
    expect([0, 1, 2, 13, 14, 19].map((s) => resolvePhase(phases, s).source)).toEqual(['g', 'g', 'g', 'g', 't', 't']);
  });

  it('drops empty phases and boundaries past the end', () => {
    const phases = wsaDataPhases({ kind: 'wsa', peak: 1, totalSteps: 10, warmupFraction: 0, stableFraction: 1 }, 'g', 't');
    expect(phases.map((p) => p.name)).toEqual(['stable', 'anneal']);
    expect(phaseBoundaries(phases, 10)).toEqual([{ step: 1, phase: 'stable', source: 'g' }]);
  });

  it.each([
    [[{ name: 'a', source: 'g', startStep: 1 }]],
    [[{ name: 'a', source: 'g', startStep: 0 }, { name: 'b', source: 'g', startStep: 0 }]],
    [[{ name: 'a', source: 'x', startStep: 0 }]],
  ])('rejects invalid phases %j', (phases) => {
    expect(() => validatePhases(phases, ['g'])).toThrow(RecForgeError);
  });

  it('stepsPerSource counts the updates each source feeds, clipped to the run', () => {
    const phases = [{ name: 'warmup', source: 'g', startStep: 0 }, { name: 'stable', source: 'g', startStep: 2 }, { name: 'anneal', source: 't', startStep: 7 }];
    expect(stepsPerSource(phases, 10)).toEqual(new Map([['g', 7], ['t', 3]]));
    expect(stepsPerSource(phases, 7)).toEqual(new Map([['g', 7]]));
  });
});
