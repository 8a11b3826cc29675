import { useCallback, useState, type ReactElement } from 'react';
import type { ExportResult } from '../../../core/protocol';
import { invoke, toApiError } from '../../ipc/invoke';
import { accessToken } from '../../ipc/transport';
import { formatBytes } from '../../lib/format';
import { useStore } from '../../store';

/** Web mode: a link that downloads an exported file through the host (token-checked). */
function downloadHref(result: ExportResult, file: string): string {
  const folder = result.dir.split(/[\\/]/).pop() ?? '';
  const token = accessToken();
  return `/download?${token === null ? '' : `token=${encodeURIComponent(token)}&`}path=${encodeURIComponent(`${folder}/${file}`)}`;
}

/** Export a dataset as Parquet or RecBole atomic files, then list (and, in a browser, offer) the files. */
export function DatasetExport({ datasetId }: { readonly datasetId: string }): ReactElement {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const web = useStore((s) => (s.system?.mode ?? s.hostMode) === 'web');
  const pushError = useStore((s) => s.pushError);
  const run = useCallback((format: ExportResult['format']) => {
    setBusy(true);
    invoke('datasets.export', { datasetId, format }).then(setResult, (e: unknown) => pushError('Export dataset', toApiError(e))).finally(() => setBusy(false));
  }, [datasetId, pushError]);
  return (
    <div className="dataset-export" data-testid="dataset-export">
      <span className="meta-label">Export</span>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-parquet" disabled={busy} onClick={() => run('parquet')}>Parquet</button>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-recbole" disabled={busy} onClick={() => run('recbole')}>RecBole</button>
      {result ? (
        <ul className="chips" data-testid="export-files" title={result.dir}>
          {result.files.map((f) => (
            <li key={f.name} className="chip">
              {web ? <a href={downloadHref(result, f.name)} download={f.name} data-testid="export-file">{f.name}</a> : <span data-testid="export-file">{f.name}</span>}
              <span className="muted"> {formatBytes(f.bytes)}</span>
            </li>
          ))}
          {web ? null : <li className="muted small mono">{result.dir}</li>}
        </ul>
      ) : null}
    </div>
  );
}
