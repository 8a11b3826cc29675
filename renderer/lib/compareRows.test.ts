import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../core/protocol';
import { FULL, metric, run, SAMPLED } from '../testing/fixtures';
import { compareRows } from './compareRows';

const of = (variant: string, value: number, chance = 0.0333): MetricRecord => ({ ...metric('NDCG', 1, value, { ...SAMPLED, chance }), variant });

describe('compareRows', () => {
  it('keeps one row per variant, each run in its own column, with the chance level', () => {
    const a = run('a', { metrics: [of('base', 0.05), of('ingredient', 0.12), of('merged', 0.13)] });
    const b = run('b', { metrics: [of('base', 0.07), of('merged', 0.11)] });
    const [group] = compareRows([a, b]);
    expect(group?.rows.map((r) => [r.variant, r.values, r.chance])).toEqual([
      ['base', [0.05, 0.07], 0.0333],
      ['ingredient', [0.12, undefined], 0.0333],
      ['merged', [0.13, 0.11], 0.0333],
    ]);
  });

  it('never puts numbers measured differently in one row', () => {
    const a = run('a', { metrics: [metric('HR', 10, 0.6), metric('HR', 10, 0.1, FULL)] });
    const b = run('b', { metrics: [metric('HR', 10, 0.5)] });
    const groups = compareRows([a, b]);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.rows[0]?.values).toEqual([0.6, 0.5]);
    expect(groups[1]?.description).toContain('full ranking');
    expect(groups[1]?.rows[0]?.values).toEqual([0.1, undefined]);
  });
});
