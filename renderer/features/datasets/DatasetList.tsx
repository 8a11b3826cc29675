import type { ReactElement } from 'react';
import { useStore } from '../../store';
import { DatasetRow } from './DatasetRow';

export function DatasetList(): ReactElement {
  const datasets = useStore((s) => s.datasets);
  if (datasets.length === 0) {
    return <p className="empty" data-testid="datasets-empty">No datasets yet. Drop a file above, or press “Run demo”.</p>;
  }
  return (
    <ul className="dataset-list" data-testid="dataset-list">
      {datasets.map((d) => (
        <DatasetRow key={d.id} dataset={d} />
      ))}
    </ul>
  );
}
