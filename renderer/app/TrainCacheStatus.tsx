import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { TrainCacheInfo } from '../../core/protocol';
import { invoke, toApiError } from '../ipc/invoke';
import { formatBytes } from '../lib/format';
import { useStore } from '../store';

const ABOUT =
  'Trained language-model stages of this workspace, by content. A run whose stage has the same job, data, ' +
  'starting weights and backend as an earlier one reuses it instead of training again.';

/** The workspace's trained-stage cache in the status bar: its size (refreshed when a run finishes) and a button that empties it. */
export function TrainCacheStatus(): ReactElement | null {
  const runs = useStore((s) => s.runs);
  const finished = useMemo(() => runs.filter((r) => r.status === 'done').length, [runs]);
  const [info, setInfo] = useState<TrainCacheInfo | null>(null);
  useEffect(() => {
    let live = true;
    invoke('system.trainCache', {}).then((i) => live && setInfo(i), () => undefined); // a status item: no answer, no item
    return () => {
      live = false;
    };
  }, [finished]);
  const onClear = useCallback(() => {
    invoke('system.clearTrainCache', {}).then(setInfo, (error: unknown) => useStore.getState().pushError('Stage cache', toApiError(error)));
  }, []);
  if (info === null || info.files === 0) return null;
  return (
    <>
      <span className="status-label">stage cache</span>
      <span className="status-item" data-testid="status-train-cache" title={`${ABOUT}\nKept under ${formatBytes(info.budgetBytes)}; the least recently used go first.`}>
        {formatBytes(info.bytes)} · {info.files} {info.files === 1 ? 'stage' : 'stages'}
      </span>
      <button type="button" className="btn btn-ghost btn-small" data-testid="train-cache-clear" onClick={onClear} title="Empty the cache: later runs train their stages again">
        Clear
      </button>
    </>
  );
}
