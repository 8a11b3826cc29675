import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { SplitRequest, SplitSummary } from '../../../core/protocol';
import { invoke, toApiError } from '../../ipc/invoke';
import { formatInt } from '../../lib/format';
import { useStore } from '../../store';

type Kind = SplitSummary['kind'];

const KIND_LABELS: Readonly<Record<Kind, string>> = {
  'leave-one-out': 'Leave-one-out',
  'temporal-ratio': 'Temporal 80/10/10',
  'cold-item': 'Cold items (newest 10 %)',
};

function describe(s: SplitSummary): string {
  const c = s.counts;
  const parts = [`train ${formatInt(c.trainInteractions)}`, `valid ${formatInt(c.validCases)}`, `test ${formatInt(c.testCases)}`];
  if (s.kind === 'cold-item') parts.push(`${formatInt(c.coldItems)} cold items`);
  if (s.candidates) parts.push(`1 + ${s.candidates.negatives} ${s.candidates.strategy} candidates`);
  if (s.seed !== null) parts.push(`seed ${s.seed}`);
  const dropped = droppedCases(s);
  if (dropped > 0) parts.push(`${formatInt(dropped)} cases dropped (history shorter than ${String(s.params['minHistory'] ?? 1)})`);
  return parts.join(' · ');
}

/** Valid / test cases the split left out because their user had too little history before them. */
function droppedCases(s: SplitSummary): number {
  const n = s.params['droppedCases'] ?? s.params['droppedTestCases'];
  return typeof n === 'number' ? n : 0;
}

/** One stored split: its counts, and Remove (asks once more before it deletes). */
function SplitRow({ split, onRemove }: { readonly split: SplitSummary; readonly onRemove: (id: string) => void }): ReactElement {
  const [confirming, setConfirming] = useState(false);
  const onClick = useCallback(() => (confirming ? onRemove(split.id) : setConfirming(true)), [confirming, onRemove, split.id]);
  const onBlur = useCallback(() => setConfirming(false), []);
  return (
    <li data-testid="split-row" data-kind={split.kind} data-test-cases={split.counts.testCases}>
      <strong>{KIND_LABELS[split.kind].split(' (')[0]}</strong> <span className="muted small">{describe(split)}</span>{' '}
      <button type="button" className="btn btn-danger-ghost btn-small" data-testid="split-remove" onClick={onClick} onBlur={onBlur} title="Delete this split definition (metrics of runs keep their own protocol)">
        {confirming ? 'Confirm remove' : 'Remove'}
      </button>
    </li>
  );
}

/** Evaluation splits of a dataset: define one (with optional sampled candidates), see its counts, remove it. */
export function DatasetSplits({ datasetId }: { readonly datasetId: string }): ReactElement {
  const [splits, setSplits] = useState<readonly SplitSummary[]>([]);
  const [kind, setKind] = useState<Kind>('leave-one-out');
  const [candidates, setCandidates] = useState<'none' | 'uniform' | 'popularity'>('none');
  const [busy, setBusy] = useState(false);
  const pushError = useStore((s) => s.pushError);
  useEffect(() => {
    let live = true;
    invoke('datasets.splits', { datasetId }).then((l) => live && setSplits(l), () => undefined);
    return () => { live = false; };
  }, [datasetId]);
  const onCreate = useCallback(() => {
    const req: SplitRequest = { datasetId, kind, seed: 2024, ...(candidates === 'none' ? {} : { candidates: { negatives: 100, strategy: candidates } }) };
    setBusy(true);
    // The host returns the stored split when the same one was made before.
    invoke('datasets.split', req).then((s) => setSplits((l) => [s, ...l.filter((x) => x.id !== s.id)]), (e: unknown) => pushError('Split dataset', toApiError(e))).finally(() => setBusy(false));
  }, [datasetId, kind, candidates, pushError]);
  const onRemove = useCallback((splitId: string) => {
    invoke('datasets.removeSplit', { datasetId, splitId }).then(() => setSplits((l) => l.filter((x) => x.id !== splitId)), (e: unknown) => pushError('Remove split', toApiError(e)));
  }, [datasetId, pushError]);
  return (
    <div className="dataset-splits" data-testid="dataset-splits">
      <div className="form-row">
        <span className="meta-label">Split</span>
        <select data-testid="split-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
        <select data-testid="split-candidates" value={candidates} onChange={(e) => setCandidates(e.target.value as typeof candidates)} title="Sampled test candidates (1 + 100)">
          <option value="none">no sampled candidates</option>
          <option value="uniform">1 + 100 uniform</option>
          <option value="popularity">1 + 100 by popularity</option>
        </select>
        <button type="button" className="btn btn-ghost btn-small" data-testid="split-create" disabled={busy} onClick={onCreate}>{busy ? 'Splitting…' : 'Create split'}</button>
      </div>
      <ul className="split-list">
        {splits.map((s) => <SplitRow key={s.id} split={s} onRemove={onRemove} />)}
      </ul>
    </div>
  );
}
