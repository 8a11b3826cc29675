import type { ReactElement } from 'react';
import { useStore } from '../../store';
import { NewRunForm } from './NewRunForm';
import { PipelineFileButton } from './PipelineFileButton';
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

export function RunsPage(): ReactElement {
  const hasDatasets = useStore((s) => s.datasets.length > 0);
  return (
    <section className="page" data-testid="runs-page">
      <header className="page-header">
        <h1>Runs</h1>
        <p className="page-sub">Train SASRec on a dataset; evaluation follows the recorded protocol.</p>
        <PipelineFileButton />
      </header>
      {hasDatasets ? <NewRunForm /> : <p className="empty">Import a dataset first to start a run.</p>}
      <h2 className="section-title">History</h2>
      <RunList />
    </section>
  );
}
