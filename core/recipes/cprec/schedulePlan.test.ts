import { describe, expect, it } from 'vitest';
import { cprecSchedulePlan } from './schedulePlan';
import { defaultCprecSettings, type CprecSettings } from './settings';

function settings(over: Partial<CprecSettings>): CprecSettings {
  return { ...defaultCprecSettings('movies'), ...over };
}

describe('CPRec WSA plan (exact values)', () => {
  it('20 steps, 10 % warm-up, 50 % stable, linear anneal: boundaries, data switch and lr at every edge', () => {
    const p = cprecSchedulePlan(settings({ steps: 20, warmupFraction: 0.1, stableFraction: 0.5, peakLr: 1, minLr: 0, decay: 'linear' }));
    expect(p.boundaries).toEqual([
      { step: 1, phase: 'warmup', source: 'domain-specific' },
      { step: 3, phase: 'stable', source: 'domain-specific' },
      { step: 13, phase: 'anneal', source: 'mixed-target' },
    ]);
    expect(p.dataSwitchStep).toBe(13);
    expect(Array.from(p.lr.subarray(0, 3))).toEqual([0.5, 1, 1]); // warm-up reaches the peak on its last update
    expect(p.lr[11]).toBe(1); // last stable update (step 12)
    expect(p.lr[12]).toBe(1); // first annealing update starts at the peak
    expect(p.lr[14]).toBe(0.75); // 2 of 8 annealing updates done
    expect(p.lr[19]).toBe(0.125);
  });

  it('cosine anneal is exactly half way at mid-anneal; the paper default 5 % warm-up of 200 steps', () => {
    const cos = cprecSchedulePlan(settings({ steps: 20, warmupFraction: 0.1, stableFraction: 0.5, peakLr: 1, minLr: 0, decay: 'cosine' }));
    expect(cos.lr[16]).toBe(0.5);
    const p = cprecSchedulePlan(settings({ steps: 200, peakLr: 2e-3 }));
    expect(p.boundaries.map((b) => b.step)).toEqual([1, 11, 151]);
    expect(p.dataSwitchStep).toBe(151);
    expect(p.lr[9]).toBe(2e-3);
    expect(p.lr[8]).toBe((2e-3 * 9) / 10);
    expect(p.lr[150]).toBe(2e-3);
  });

  it('no annealing phase → no data switch; rounding of fractional boundaries', () => {
    const none = cprecSchedulePlan(settings({ steps: 10, warmupFraction: 0.2, stableFraction: 0.8 }));
    expect(none.dataSwitchStep).toBeNull();
    expect(none.boundaries.map((b) => b.phase)).toEqual(['warmup', 'stable']);
    const odd = cprecSchedulePlan(settings({ steps: 30, warmupFraction: 0.05, stableFraction: 0.45 }));
    expect(odd.boundaries.map((b) => b.step)).toEqual([1, 3, 17]); // round(1.5) = 2, round(13.5) = 14
  });

  it('naive mixing (shuffled): the same WSA lr, every phase reads one source holding both corpora, no data switch', () => {
    const phased = cprecSchedulePlan(settings({ steps: 20, warmupFraction: 0.1, stableFraction: 0.5 }));
    const mixed = cprecSchedulePlan(settings({ steps: 20, warmupFraction: 0.1, stableFraction: 0.5, dataOrder: 'shuffled' }));
    expect(mixed.boundaries).toEqual([
      { step: 1, phase: 'warmup', source: 'domain-specific+mixed-target' },
      { step: 3, phase: 'stable', source: 'domain-specific+mixed-target' },
      { step: 13, phase: 'anneal', source: 'domain-specific+mixed-target' },
    ]);
    expect(mixed.dataSwitchStep).toBeNull();
    expect(mixed.lr).toEqual(phased.lr);
  });

  it('annealing from the first step (no warm-up, no stable) has no data switch', () => {
    const p = cprecSchedulePlan(settings({ steps: 10, warmupFraction: 0, stableFraction: 0 }));
    expect(p.boundaries).toEqual([{ step: 1, phase: 'anneal', source: 'mixed-target' }]);
    expect(p.dataSwitchStep).toBeNull();
  });
});
