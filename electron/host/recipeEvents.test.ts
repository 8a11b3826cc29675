import { describe, expect, it } from 'vitest';
import { RecipeRunTracker } from './recipeEvents';

const lmProgress = (steps: number[], series = 'base') => ({
  kind: 'lm' as const, series,
  event: {
    kind: 'progress' as const,
    points: steps.map((step) => ({ step, loss: 1 / step, lr: 0.01, phase: 'stable', source: 'general', tokens: 10, tokensPerSecond: 100, gradNorm: 1 })),
    progress: { step: steps[steps.length - 1] ?? 0, totalSteps: 4, phase: 'stable', source: 'general', etaSeconds: 3, tokensPerSecond: 100 },
  },
});

describe('RecipeRunTracker', () => {
  it('lays series end to end and marks where each starts and where its phases change', () => {
    const t = new RecipeRunTracker();
    const plan = t.apply({ kind: 'lm', series: 'base', event: { kind: 'plan', startStep: 0, totalSteps: 4, boundaries: [{ step: 1, phase: 'warmup', source: 'general' }, { step: 3, phase: 'anneal', source: 'target' }] } });
    expect(plan.newSeries).toEqual({ series: 'base', offset: 0 });
    expect(plan.markers).toEqual([
      { step: 1, label: 'base', kind: 'series' },
      { step: 1, label: 'warmup (general)', kind: 'phase' },
      { step: 3, label: 'anneal (target)', kind: 'phase' },
    ]);
    const first = t.apply(lmProgress([1, 2, 3, 4]));
    expect(first.points?.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(first.progress?.label).toBe('base · stable (general) · 100 tokens/s');
    const second = t.apply(lmProgress([1, 2], 'ingredient'));
    expect(second.newSeries).toEqual({ series: 'ingredient', offset: 4 });
    expect(second.points?.map((p) => p.step)).toEqual([5, 6]);
    expect(second.markers).toEqual([{ step: 5, label: 'ingredient', kind: 'series' }]);
  });

  it('a new stage starts without the previous stage’s steps, ETA or speed', () => {
    const t = new RecipeRunTracker();
    t.apply(lmProgress([1, 2, 3, 4]));
    expect(t.apply({ kind: 'stage', stage: 'lambda' }).progress).toEqual({ step: 0, totalSteps: 0, epoch: 0, epochs: 0, etaSeconds: null, phase: 'train' });
  });

  it('puts a resumed run’s replayed points where the first process had them', () => {
    const t = new RecipeRunTracker([{ series: 'base', offset: 0 }, { series: 'ingredient', offset: 4 }], 6);
    const replay = t.apply(lmProgress([2, 3], 'ingredient'));
    expect(replay.newSeries).toBeUndefined();
    expect(replay.points?.map((p) => p.step)).toEqual([6, 7]);
  });

  it('passes stages, metrics, tables and artifacts through', () => {
    const t = new RecipeRunTracker();
    expect(t.apply({ kind: 'stage', stage: 'train' })).toMatchObject({ stage: 'train' });
    const artifact = { kind: 'hf-model' as const, path: 'artifacts/model', title: 'model' };
    expect(t.apply({ kind: 'artifact', artifact })).toEqual({ artifacts: [artifact] });
  });
});
