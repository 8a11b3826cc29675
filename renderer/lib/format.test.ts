import { describe, expect, it } from 'vitest';
import { FULL, SAMPLED } from '../testing/fixtures';
import { describeProtocol, formatBytes, formatCompact, formatEta, formatInt, formatLineageStep, formatLocation, formatMetric, formatShare, formatTableNumber } from './format';

describe('formatLocation', () => {
  it.each([
    [{ file: 'u.data', line: 12, field: 'rating', expected: 'integer 1-5' }, "u.data:12 · field 'rating' · expected integer 1-5"],
    [{ file: 'u.data', line: 3 }, 'u.data:3'],
    [{ file: 'ratings.csv', field: 'user' }, "ratings.csv · field 'user'"],
    [{ file: 'x.csv', expected: 'a header row' }, 'x.csv · expected a header row'],
    [{ file: 'x.csv' }, 'x.csv'],
  ])('%o → %s', (loc, text) => {
    expect(formatLocation(loc)).toBe(text);
  });
});

describe('formatEta', () => {
  it.each([
    [null, 'ETA —'],
    [0, 'ETA 0:00'],
    [42, 'ETA 0:42'],
    [41.6, 'ETA 0:42'],
    [61, 'ETA 1:01'],
    [3599, 'ETA 59:59'],
    [3723, 'ETA 1:02:03'],
    [-5, 'ETA 0:00'],
    [Number.POSITIVE_INFINITY, 'ETA —'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });
});

describe('describeProtocol', () => {
  it('describes sampled candidates with sampler and seed', () => {
    expect(describeProtocol(SAMPLED)).toBe(
      'test · leave-one-out · 1 + 100 sampled negatives (uniform, seed 2024) · history excluded · 943 users',
    );
  });
  it('says how many ID levels a generative score covers', () => {
    expect(describeProtocol({ ...SAMPLED, scoredLevels: 1 })).toContain('1 + 100 sampled negatives (uniform, seed 2024) · leading 1 ID level scored · history excluded');
    expect(describeProtocol({ ...SAMPLED, scoredLevels: 3 })).toContain('leading 3 ID levels scored');
  });
  it('describes full ranking', () => {
    expect(describeProtocol({ ...FULL, target: 'valid', users: 6040 })).toBe(
      'valid · leave-one-out · full ranking · history excluded · 6,040 users',
    );
  });
});

describe('number formatting', () => {
  it('formats integers, metrics, bytes and compact values', () => {
    expect(formatInt(100000)).toBe('100,000');
    expect(formatMetric(0.123456)).toBe('0.1235');
    expect(formatMetric(1)).toBe('1.0000');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatCompact(0.001)).toBe('1e-3');
    expect(formatCompact(0.00015)).toBe('1.5e-4');
    expect(formatCompact(0.25)).toBe('0.25');
    expect(formatCompact(0)).toBe('0');
  });
  it('formats a lineage step as before → after', () => {
    expect(formatLineageStep({ step: 'k-core', params: { k: 5 }, before: 100000, after: 99287 })).toBe(
      'k-core (k=5): 100,000 → 99,287',
    );
    expect(formatLineageStep({ step: 'dedupe', params: {}, before: 10, after: 9 })).toBe('dedupe: 10 → 9');
  });
});

describe('formatCompact with a tick step', () => {
  it('shows as many digits as tell ticks a step apart', () => {
    // The ticks of a learning rate near 1e-3, which the short form printed as "1e-3, 1e-3, 1e-3, 9.8e-4".
    expect([9.6e-4, 9.8e-4, 1e-3, 1.02e-3, 1.04e-3].map((t) => formatCompact(t, 2e-5))).toEqual(['9.6e-4', '9.8e-4', '1e-3', '1.02e-3', '1.04e-3']);
    expect([1.1441, 1.1442, 1.1443].map((t) => formatCompact(t, 1e-4))).toEqual(['1.1441', '1.1442', '1.1443']);
    expect([12000, 14000].map((t) => formatCompact(t, 2000))).toEqual(['12000', '14000']);
  });
  it('drops trailing zeros and shows a rounding residue at zero as 0', () => {
    expect(formatCompact(4.5, 0.5)).toBe('4.5');
    expect(formatCompact(5, 0.5)).toBe('5');
    expect(formatCompact(2.7e-17, 0.1)).toBe('0');
    expect(formatCompact(-0.005, 0.005)).toBe('-5e-3');
  });
});

describe('formatTableNumber', () => {
  it('shows counts as integers, tiny values in scientific notation, the rest as metrics', () => {
    expect(formatTableNumber(943)).toBe('943');
    expect(formatTableNumber(12000)).toBe('12,000');
    expect(formatTableNumber(3e-5)).toBe('3.000e-5');
    expect(formatTableNumber(0.12345)).toBe('0.1235');
    expect(formatTableNumber(0)).toBe('0');
  });

  it('shows a share with three significant digits wherever it appears', () => {
    expect(formatShare(0.07806)).toBe('7.81 %');
    expect(formatShare(0.5)).toBe('50.0 %');
    expect(formatShare(0.0001234)).toBe('0.0123 %');
    expect(formatShare(Number.NaN)).toBe('—');
  });
});
