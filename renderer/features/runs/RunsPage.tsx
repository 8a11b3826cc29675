import type { ReactElement } from 'react';
import { useStore } from '../../store';
import { NewRunForm } from './NewRunForm';
import { PipelineFileButton, TrainingLogButton } from './PipelineFileButton';
import { RunItem } from './RunItem';

function RunList(): ReactElement {
  const runs = useStore((s) => s.runs);
  if (runs.length === 0) return <p className="empty" data-testid="runs-empty">No runs yet.</p>;
  return (
    <ul className="run-list" data-testid="run-list">
      {runs.map((r) => (
        <RunItem key={r.id} run={r} />
      ))}
    </ul>
  );
}

function CompareButton(): ReactElement {
  const count = useStore((s) => s.compareIds.length);
  const navigate = useStore((s) => s.navigate);
  return (
    <button type="button" className="btn btn-primary btn-small" data-testid="compare-open" disabled={count < 2} onClick={() => navigate('compare')}>
      Compare {count > 0 ? `(${count})` : ''}
    </button>
  );
}

export function RunsPage(): ReactElement {
  const hasDatasets = useStore((s) => s.datasets.length > 0);
  return (
    <section className="page" data-testid="runs-page">
      <header className="page-header">
        <h1>Runs</h1>
        <p className="page-sub">Train SASRec on a dataset; evaluation follows the recorded protocol.</p>
        <div className="page-actions">
          <PipelineFileButton />
          <TrainingLogButton />
        </div>
      </header>
      {hasDatasets ? <NewRunForm /> : <p className="empty">Import a dataset first to start a run.</p>}
      <div className="section-head">
        <h2 className="section-title">History</h2>
        <CompareButton />
      </div>
      <RunList />
    </section>
  );
}
