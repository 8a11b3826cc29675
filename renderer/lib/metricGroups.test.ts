import { describe, expect, it } from 'vitest';
import { FULL, metric, SAMPLED } from '../testing/fixtures';
import { groupMetrics } from './metricGroups';

describe('groupMetrics', () => {
  it('groups by protocol in first-seen order and sorts HR, NDCG, MRR by k', () => {
    const groups = groupMetrics([
      metric('NDCG', 10, 0.3),
      metric('MRR', null, 0.2),
      metric('HR', 10, 0.6),
      metric('HR', 10, 0.1, FULL),
      metric('HR', 5, 0.5),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.protocol).toEqual(SAMPLED);
    expect(groups[0]?.metrics.map((m) => `${m.name}@${m.k ?? '-'}`)).toEqual(['HR@5', 'HR@10', 'NDCG@10', 'MRR@-']);
    expect(groups[1]?.description).toContain('full ranking');
    expect(groups[1]?.metrics).toHaveLength(1);
  });
  it('returns nothing for no metrics', () => {
    expect(groupMetrics([])).toEqual([]);
  });
});
