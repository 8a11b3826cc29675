import { describe, expect, it } from 'vitest';
import { FULL, metric, progress } from '../testing/fixtures';
import { headlineMetric, isActive, progressPercent } from './runStatus';

describe('run status helpers', () => {
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
});
