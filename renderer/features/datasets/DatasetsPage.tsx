import type { ReactElement } from 'react';
import { CombineDatasets } from './CombineDatasets';
import { DatasetList } from './DatasetList';
import { DropZone } from './DropZone';
import { ImportForm } from './ImportForm';

export function DatasetsPage(): ReactElement {
  return (
    <section className="page" data-testid="datasets-page">
      <header className="page-header">
        <h1>Datasets</h1>
        <p className="page-sub">Drop interaction logs: MovieLens, Amazon Reviews, RecBole atomic files, or any CSV / TSV / JSON lines / Parquet table (you map its columns).</p>
      </header>
      <div className="panel import-panel">
        <DropZone />
        <ImportForm />
      </div>
      <CombineDatasets />
      <DatasetList />
    </section>
  );
}
