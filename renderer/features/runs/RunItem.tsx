import { memo, useCallback, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { formatMetric } from '../../lib/format';
import { headlineLabel, headlineMetric, headlineVariantOf } from '../../lib/runStatus';
import { runScale, runTitle, stopLabel, stopOf } from '../../lib/runLabel';
import { useStore } from '../../store';
import { StatusBadge } from '../run/StatusBadge';

function Headline({ run }: { readonly run: RunSummary }): ReactElement | null {
  const variant = useStore((s) => headlineVariantOf(s.recipes, run.model));
  if (run.status !== 'done') return null;
  const hr = headlineMetric(run.metrics, 'HR', 10, variant);
  const ndcg = headlineMetric(run.metrics, 'NDCG', 10, variant);
  return (
    <span className="run-metrics" title={variant === undefined ? undefined : `numbers of ${variant}`}>
      {hr === null ? null : <span data-testid="run-item-hr">{headlineLabel(hr)} {formatMetric(hr.value)}</span>}
      {ndcg === null ? null : <span data-testid="run-item-ndcg">{headlineLabel(ndcg)} {formatMetric(ndcg.value)}</span>}
    </span>
  );
}

/** One run in the list; opens the run page. */
export const RunItem = memo(function RunItem({ run }: { readonly run: RunSummary }): ReactElement {
  const openRun = useStore((s) => s.openRun);
  const onClick = useCallback(() => openRun(run.id), [openRun, run.id]);
  const compared = useStore((s) => s.compareIds.includes(run.id));
  const toggleCompare = useStore((s) => s.toggleCompare);
  const onToggle = useCallback(() => toggleCompare(run.id), [toggleCompare, run.id]);
  const stop = stopOf(run);
  return (
    <li className="run-row">
      <input type="checkbox" className="run-compare" aria-label={`Compare ${runTitle(run)}`} data-testid="run-compare" data-run-id={run.id} checked={compared} onChange={onToggle} />
      <button type="button" className="run-item" data-testid="run-item" data-run-id={run.id} data-status={run.status} onClick={onClick}>
        <span className="run-item-main">
          <span className="run-item-title">{runTitle(run)}</span>
          <span className="muted small" data-testid="run-item-scale">
            {new Date(run.createdAt).toLocaleString()} · {runScale(run)}{stop === null ? '' : ` · ${stopLabel(stop)}`}
          </span>
          {run.tags.length > 0 ? <span className="chips run-tags">{run.tags.map((t) => <span key={t} className="chip" data-testid="run-tag">{t}</span>)}</span> : null}
        </span>
        <Headline run={run} />
        <StatusBadge status={run.status} />
      </button>
    </li>
  );
});
