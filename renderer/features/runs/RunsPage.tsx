import { useMemo, useState, type ReactElement } from 'react';
import { matchesTags } from '../../lib/tags';
import { useStore } from '../../store';
import { NewRunForm } from './NewRunForm';
import { PipelineFileButton, TrainingLogButton } from './PipelineFileButton';
import { RunItem } from './RunItem';

/** Every tag in use, as toggles that filter the list. */
function TagFilter({ selected, onToggle }: { readonly selected: readonly string[]; readonly onToggle: (tag: string) => void }): ReactElement | null {
  const runs = useStore((s) => s.runs);
  const all = useMemo(() => [...new Set(runs.flatMap((r) => r.tags))].sort(), [runs]);
  if (all.length === 0) return null;
  return (
    <div className="chips tag-filter" data-testid="tag-filter" aria-label="Filter by tag">
      {all.map((t) => (
        <button key={t} type="button" className={selected.includes(t) ? 'chip chip-on' : 'chip'} aria-pressed={selected.includes(t)} onClick={() => onToggle(t)}>{t}</button>
      ))}
    </div>
  );
}

function RunList(): ReactElement {
  const runs = useStore((s) => s.runs);
  const [filter, setFilter] = useState<readonly string[]>([]);
  const onToggle = (tag: string): void => setFilter((f) => (f.includes(tag) ? f.filter((t) => t !== tag) : [...f, tag]));
  const shown = runs.filter((r) => matchesTags(r.tags, filter));
  if (runs.length === 0) return <p className="empty" data-testid="runs-empty">No runs yet.</p>;
  return (
    <>
      <TagFilter selected={filter} onToggle={onToggle} />
      <ul className="run-list" data-testid="run-list">
        {shown.map((r) => (
          <RunItem key={r.id} run={r} />
        ))}
      </ul>
    </>
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
        <p className="page-sub">Train SASRec or a paper recipe on a dataset; every metric records its evaluation protocol.</p>
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
