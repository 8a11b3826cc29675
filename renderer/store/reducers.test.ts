import { describe, expect, it } from 'vitest';
import { columns, points, progress, run } from '../testing/fixtures';
import { applyProgressDelta, applyRunState, applyRunSummary, newerProgress, upsertDataset, upsertRun } from './reducers';
import { appendPoints, EMPTY_SERIES, pointsOf } from './series';
import type { RunSlice } from './types';

const empty: RunSlice = { recipes: [], runs: [], series: {}, progress: {} };

describe('run reducers', () => {
  it('upserts runs: replace in place, new ones first', () => {
    const runs = upsertRun(upsertRun([], run('a')), run('b'));
    expect(runs.map((r) => r.id)).toEqual(['b', 'a']);
    const updated = upsertRun(runs, run('a', { status: 'done' }));
    expect(updated.map((r) => [r.id, r.status])).toEqual([['b', 'running'], ['a', 'done']]);
  });

  it('applies status updates from runs.onStatus', () => {
    const state = { ...empty, runs: [run('a')] };
    const next = applyRunSummary(state, run('a', { status: 'cancelled' }));
    expect(next.runs[0]?.status).toBe('cancelled');
  });

  it('a resumed run drops its old progress, so the bar follows it from its checkpoint', () => {
    const state: RunSlice = { ...empty, runs: [run('a', { status: 'cancelled' }), run('b', { status: 'running' })], progress: { a: progress(80), b: progress(40) } };
    const next = applyRunSummary(state, run('a', { status: 'queued' }));
    expect(next.progress).toEqual({ b: progress(40) });
    const later = { ...state, ...next };
    expect(newerProgress(later.progress.a, progress(50))).toEqual(progress(50));
    expect(applyRunSummary(state, run('b', { status: 'evaluating' })).progress).toBe(state.progress);
  });

  it('appends progress deltas per run and takes their progress', () => {
    let state: RunSlice = empty;
    state = { ...state, ...applyProgressDelta(state, { runId: 'a', points: points(1, 3), progress: progress(3) }) };
    state = { ...state, ...applyProgressDelta(state, { runId: 'a', points: points(4, 4), progress: progress(4) }) };
    state = { ...state, ...applyProgressDelta(state, { runId: 'b', points: points(1, 1), progress: progress(1) }) };
    expect(pointsOf(state.series.a ?? EMPTY_SERIES).map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(state.series.b?.length).toBe(1);
    expect(state.progress.a?.step).toBe(4);
  });

  it('never moves progress backwards', () => {
    expect(newerProgress(progress(10), progress(5)).step).toBe(10);
    expect(newerProgress(progress(10), progress(12)).step).toBe(12);
    expect(newerProgress(undefined, progress(1)).step).toBe(1);
    expect(newerProgress(progress(100), progress(100, { phase: 'eval' })).phase).toBe('eval');
  });

  it('rehydrates from runs.get, keeping live points newer than the snapshot', () => {
    const state: RunSlice = { recipes: [], runs: [], series: { a: appendPoints(EMPTY_SERIES, points(6, 8)) }, progress: { a: progress(8) } };
    const next = applyRunState(state, { summary: run('a'), series: columns(points(1, 5)), progress: progress(5) });
    expect(pointsOf(next.series.a ?? EMPTY_SERIES).map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(next.progress.a?.step).toBe(8);
    expect(next.runs).toHaveLength(1);
  });

  it('rehydrates a run without progress', () => {
    const next = applyRunState(empty, { summary: run('a', { status: 'queued' }), series: columns([]), progress: null });
    expect(next.series.a?.length).toBe(0);
    expect(next.progress.a).toBeUndefined();
  });

  it('upserts datasets', () => {
    const ds = { id: 'd', name: 'x', format: 'csv', createdAt: '', users: 1, items: 1, interactions: 1, rawInteractions: 1, domains: [], lineage: [] } as const;
    expect(upsertDataset(upsertDataset([], ds), { ...ds, name: 'y' }).map((d) => d.name)).toEqual(['y']);
  });
});
