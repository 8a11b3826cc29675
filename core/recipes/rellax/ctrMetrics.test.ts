import { describe, expect, it } from 'vitest';
import { auc, logLoss } from './ctrMetrics';

describe('CTR metrics', () => {
  it('AUC: perfect, reversed, ties count half, one class → NaN', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(auc([1, 2, 3], [0, 1, 1])).toBe(1);
    expect(auc([3, 2, 1], [0, 1, 1])).toBe(0);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([1, 2], [1, 1])).toBeNaN();
  });
  it('AUC of NaN scores (a diverged model) is NaN, never an arbitrary number', () => {
    expect(auc([NaN, NaN, NaN, NaN], [0, 0, 1, 1])).toBeNaN();
    expect(auc([0.1, NaN, 0.9, NaN], [0, 1, 0, 1])).toBeNaN();
  });
  it('LogLoss matches the definition and clips', () => {
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});
