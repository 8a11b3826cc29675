import type { ReactElement } from 'react';
import { DatasetList } from './DatasetList';
import { DropZone } from './DropZone';
import { ImportForm } from './ImportForm';

export function DatasetsPage(): ReactElement {
  return (
    <section className="page" data-testid="datasets-page">
      <header className="page-header">
        <h1>Datasets</h1>
        <p className="page-sub">Import interaction logs (MovieLens 100K u.data, or CSV user,item,rating,timestamp).</p>
      </header>
      <div className="panel import-panel">
        <DropZone />
        <ImportForm />
      </div>
      <DatasetList />
    </section>
  );
}
