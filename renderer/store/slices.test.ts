import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from './index';
import { newRunDatasetId } from './selectors';

const initial = useStore.getState();

describe('store slices', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('starts on the datasets page with empty collections', () => {
    const s = useStore.getState();
    expect([s.page, s.datasets, s.runs, s.system, s.connection]).toEqual(['datasets', [], [], null, 'connecting']);
  });

  it('navigates and opens runs / the new-run form', () => {
    const s = useStore.getState();
    s.openRun('r1');
    expect([useStore.getState().page, useStore.getState().selectedRunId]).toEqual(['run', 'r1']);
    s.openNewRun('d1');
    expect([useStore.getState().page, useStore.getState().newRunDatasetId]).toEqual(['runs', 'd1']);
    s.navigate('datasets');
    expect(useStore.getState().page).toBe('datasets');
  });

  it('the new-run form falls back to the first dataset when the one it was opened for is gone', () => {
    const datasets = [{ id: 'd1' }, { id: 'd2' }] as unknown as ReturnType<typeof useStore.getState>['datasets'];
    expect(newRunDatasetId({ newRunDatasetId: 'd2', datasets })).toBe('d2');
    expect(newRunDatasetId({ newRunDatasetId: 'gone', datasets })).toBe('d1');
    expect(newRunDatasetId({ newRunDatasetId: null, datasets: [] })).toBe('');
  });

  it('keeps the last few errors and dismisses by id', () => {
    const { pushError } = useStore.getState();
    for (let i = 0; i < 6; i += 1) pushError('Start run', { code: 'busy', message: `m${i}` });
    const errors = useStore.getState().errors;
    expect(errors.map((e) => e.error.message)).toEqual(['m2', 'm3', 'm4', 'm5']);
    useStore.getState().dismissError(errors[3]?.id ?? -1);
    expect(useStore.getState().errors.map((e) => e.error.message)).toEqual(['m2', 'm3', 'm4']);
  });

  it('remembers the page an error happened on (the banner shows it there only)', () => {
    useStore.getState().navigate('datasets');
    useStore.getState().pushError('Import log.csv', { code: 'import', message: 'bad' });
    useStore.getState().openRun('run_1');
    useStore.getState().pushError('Cancel run', { code: 'busy', message: 'late' });
    expect(useStore.getState().errors.slice(-2).map((e) => [e.context, e.page])).toEqual([['Import log.csv', 'datasets'], ['Cancel run', 'run']]);
  });

  it('edits and clears the import draft', () => {
    useStore.setState({ draft: { files: [], format: 'csv', name: 'a' }, importError: { code: 'import', message: 'x' } });
    useStore.getState().setDraftFormat('movielens-100k');
    useStore.getState().setDraftName('ml');
    expect(useStore.getState().draft).toMatchObject({ format: 'movielens-100k', name: 'ml' });
    useStore.getState().clearDraft();
    expect([useStore.getState().draft, useStore.getState().importError]).toEqual([null, null]);
  });

  it('toggles the theme', () => {
    useStore.getState().toggleTheme();
    expect(useStore.getState().theme).toBe('light');
  });
});
