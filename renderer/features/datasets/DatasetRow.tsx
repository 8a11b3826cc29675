import { memo, useCallback, useState, type ReactElement } from 'react';
import type { DatasetSummary } from '../../../core/protocol';
import { removeDataset } from '../../ipc/actions';
import { formatInt, formatLineageStep, formatShare } from '../../lib/format';
import { useStore } from '../../store';
import { DatasetExport } from './DatasetExport';
import { DatasetSplits } from './DatasetSplits';
import { ItemTextEditor } from './ItemTextEditor';
import { ProfilePanel } from './profile/ProfilePanel';

function Stat({ label, value, testId }: { readonly label: string; readonly value: number; readonly testId: string }): ReactElement {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value}>{formatInt(value)}</dd>
    </div>
  );
}

function density(d: DatasetSummary): string {
  const cells = d.users * d.items;
  return cells === 0 ? '—' : formatShare(d.interactions / cells);
}

/** One dataset: counts, domains, lineage, and actions. */
export const DatasetRow = memo(function DatasetRow({ dataset }: { readonly dataset: DatasetSummary }): ReactElement {
  const openNewRun = useStore((s) => s.openNewRun);
  const [confirming, setConfirming] = useState(false);
  const onTrain = useCallback(() => openNewRun(dataset.id), [openNewRun, dataset.id]);
  const onRemove = useCallback(() => {
    if (!confirming) setConfirming(true);
    else void removeDataset(dataset.id);
  }, [confirming, dataset.id]);
  const onBlurRemove = useCallback(() => setConfirming(false), []);
  const [showProfile, setShowProfile] = useState(false);
  const onToggleProfile = useCallback(() => setShowProfile((v) => !v), []);

  return (
    <li className="panel dataset-row" data-testid="dataset-row" data-dataset-name={dataset.name} data-dataset-id={dataset.id}>
      <div className="dataset-head">
        <h2 className="dataset-name">{dataset.name}</h2>
        <span className="badge">{dataset.format}</span>
        <span className="muted small">{new Date(dataset.createdAt).toLocaleString()}</span>
        <span className="grow" />
        <button type="button" className="btn btn-danger-ghost btn-small" data-testid="dataset-remove" onClick={onRemove} onBlur={onBlurRemove}>
          {confirming ? 'Confirm remove' : 'Remove'}
        </button>
        <button type="button" className="btn btn-ghost btn-small" data-testid="dataset-profile-toggle" aria-expanded={showProfile} onClick={onToggleProfile}>
          {showProfile ? 'Hide profile' : 'Profile'}
        </button>
        <button type="button" className="btn btn-primary btn-small" data-testid="dataset-train" onClick={onTrain}>
          Train SASRec
        </button>
      </div>
      <dl className="stats">
        <Stat label="Users" value={dataset.users} testId="dataset-users" />
        <Stat label="Items" value={dataset.items} testId="dataset-items" />
        <Stat label="Interactions" value={dataset.interactions} testId="dataset-interactions" />
        <Stat label="Raw interactions" value={dataset.rawInteractions} testId="dataset-raw-interactions" />
        <div className="stat">
          <dt>Density</dt>
          <dd>{density(dataset)}</dd>
        </div>
      </dl>
      <div className="dataset-meta">
        <span className="meta-label">Domains</span>
        <div className="chips" data-testid="dataset-domains">
          {dataset.domains.length === 0 ? <span className="muted small">—</span> : null}
          {dataset.domains.map((d) => (
            <span key={d} className="chip">{d}</span>
          ))}
        </div>
        <span className="meta-label">Lineage</span>
        <ol className="lineage" data-testid="dataset-lineage">
          {dataset.lineage.map((step, i) => (
            <li key={`${step.step}-${i}`} className="lineage-step">{formatLineageStep(step)}</li>
          ))}
        </ol>
      </div>
      {showProfile ? <ProfilePanel datasetId={dataset.id} /> : null}
      {showProfile ? <DatasetSplits datasetId={dataset.id} /> : null}
      {showProfile ? <ItemTextEditor datasetId={dataset.id} /> : null}
      <DatasetExport datasetId={dataset.id} />
    </li>
  );
});
