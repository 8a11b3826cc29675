import { describe, expect, it } from 'vitest';
import { FULL, metric, progress, SAMPLED } from '../testing/fixtures';
import type { RecipeInfo } from '../../core/protocol';
import { headlineLabel, headlineMetric, isActive, progressPercent, resumeTitleOf } from './runStatus';

describe('run status helpers', () => {
  it('titles Resume with the recipe\'s note, else with the checkpoint default', () => {
    const recipes = [{ id: 'recbase', resumeNote: 'Resume restarts the run from the beginning.' }, { id: 'sasrec' }] as unknown as RecipeInfo[];
    expect(resumeTitleOf(recipes, 'recbase')).toBe('Resume restarts the run from the beginning.');
    expect(resumeTitleOf(recipes, 'sasrec')).toBe('Continue from the last checkpoint');
  });
  it('knows which statuses are active', () => {
    expect(['queued', 'running', 'evaluating'].every((s) => isActive(s as 'queued'))).toBe(true);
    expect(isActive('done') || isActive('failed') || isActive('cancelled')).toBe(false);
  });
  it('computes an integer percent, 100 when done', () => {
    expect(progressPercent('running', null)).toBe(0);
    expect(progressPercent('running', progress(33))).toBe(33);
    expect(progressPercent('running', progress(2, { totalSteps: 3 }))).toBe(67);
    expect(progressPercent('running', progress(5, { totalSteps: 0 }))).toBe(0);
    expect(progressPercent('running', progress(150))).toBe(100);
    expect(progressPercent('done', progress(10))).toBe(100);
    expect(progressPercent('cancelled', progress(10))).toBe(10);
  });
  it('prefers the sampled test metric as the headline', () => {
    const metrics = [metric('HR', 10, 0.4, FULL), metric('HR', 10, 0.6), metric('NDCG', 10, 0.3), metric('HR', 5, 0.5)];
    expect(headlineMetric(metrics, 'HR', 10)?.value).toBe(0.6);
    expect(headlineMetric(metrics, 'NDCG', 10)?.value).toBe(0.3);
    expect(headlineMetric(metrics, 'MRR', 10)).toBeNull();
  });
  it('shows the recipe\'s own variant, never a baseline reported first, and names a segment', () => {
    const cold = { ...SAMPLED, segment: 'cold' as const };
    const metrics = [{ ...metric('HR', 10, 0.1), variant: 'initial' }, { ...metric('HR', 10, 0.4, cold), variant: 'cprec+sft' }, metric('HR', 10, 0.2)];
    expect(headlineMetric(metrics, 'HR', 10, 'cprec+sft')?.value).toBe(0.4);
    expect(headlineMetric(metrics, 'HR', 10)?.value).toBe(0.2);
    const chosen = headlineMetric(metrics, 'HR', 10, 'cprec+sft');
    expect(chosen && headlineLabel(chosen)).toBe('HR@10 cold');
    expect(headlineLabel(metric('NDCG', 10, 0.3))).toBe('NDCG@10');
  });
});
