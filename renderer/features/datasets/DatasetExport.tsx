import { useCallback, useState, type ReactElement } from 'react';
import type { ExportResult } from '../../../core/protocol';
import { ExportFiles } from '../../components/ExportFiles';
import { invoke, toApiError } from '../../ipc/invoke';
import { useStore } from '../../store';

/** Export a dataset as Parquet or RecBole atomic files, then list (and, in a browser, offer) the files. */
export function DatasetExport({ datasetId }: { readonly datasetId: string }): ReactElement {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const pushError = useStore((s) => s.pushError);
  const run = useCallback((format: 'parquet' | 'recbole') => {
    setBusy(true);
    invoke('datasets.export', { datasetId, format }).then(setResult, (e: unknown) => pushError('Export dataset', toApiError(e))).finally(() => setBusy(false));
  }, [datasetId, pushError]);
  return (
    <div className="dataset-export" data-testid="dataset-export">
      <span className="meta-label">Export</span>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-parquet" disabled={busy} onClick={() => run('parquet')}>Parquet</button>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-recbole" disabled={busy} onClick={() => run('recbole')}>RecBole</button>
      {result ? <ExportFiles result={result} /> : null}
    </div>
  );
}
