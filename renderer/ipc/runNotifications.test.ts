import { describe, expect, it } from 'vitest';
import { metric, run } from '../testing/fixtures';
import { endNotice, justEnded } from './runNotifications';

describe('run end notices', () => {
  it('fires only on the transition of a known run into an end state', () => {
    expect(justEnded(run('a', { status: 'running' }), run('a', { status: 'done' }))).toBe(true);
    expect(justEnded(run('a', { status: 'evaluating' }), run('a', { status: 'failed' }))).toBe(true);
    expect(justEnded(run('a', { status: 'done' }), run('a', { status: 'done' }))).toBe(false);
    expect(justEnded(undefined, run('a', { status: 'done' }))).toBe(false);
  });
  it('says how the run ended, with the headline metric', () => {
    expect(endNotice(run('a', { status: 'done', metrics: [metric('HR', 10, 0.29123)] }))).toMatch(/finished · HR@10 0\.2912$/);
    expect(endNotice(run('a', { status: 'failed', error: 'out of memory' }))).toMatch(/failed: out of memory$/);
  });
});
