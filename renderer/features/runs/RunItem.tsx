import { memo, useCallback, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { formatMetric } from '../../lib/format';
import { headlineMetric } from '../../lib/runStatus';
import { useStore } from '../../store';
import { StatusBadge } from '../run/StatusBadge';

function Headline({ run }: { readonly run: RunSummary }): ReactElement | null {
  if (run.status !== 'done') return null;
  const hr = headlineMetric(run.metrics, 'HR', 10);
  const ndcg = headlineMetric(run.metrics, 'NDCG', 10);
  return (
    <span className="run-metrics">
      {hr === null ? null : <span data-testid="run-item-hr">HR@10 {formatMetric(hr.value)}</span>}
      {ndcg === null ? null : <span data-testid="run-item-ndcg">NDCG@10 {formatMetric(ndcg.value)}</span>}
    </span>
  );
}

/** One run in the list; opens the run page. */
export const RunItem = memo(function RunItem({ run }: { readonly run: RunSummary }): ReactElement {
  const openRun = useStore((s) => s.openRun);
  const onClick = useCallback(() => openRun(run.id), [openRun, run.id]);
  return (
    <li>
      <button type="button" className="run-item" data-testid="run-item" data-run-id={run.id} data-status={run.status} onClick={onClick}>
        <span className="run-item-main">
          <span className="run-item-title">SASRec · {run.datasetName}</span>
          <span className="muted small">{new Date(run.createdAt).toLocaleString()} · {run.config.train.epochs} epochs</span>
        </span>
        <Headline run={run} />
        <StatusBadge status={run.status} />
      </button>
    </li>
  );
});
