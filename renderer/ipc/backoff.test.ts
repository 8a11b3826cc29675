import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from 250 ms and caps at 5 s (no jitter at random=0.5)', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => backoffDelay(a, 0.5))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });
  it('jitters within ±20 %', () => {
    expect(backoffDelay(0, 0)).toBe(200);
    expect(backoffDelay(20, 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS * 1.2);
  });
});
