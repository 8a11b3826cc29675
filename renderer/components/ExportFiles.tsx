import type { ReactElement } from 'react';
import type { ExportResult } from '../../core/protocol';
import { accessToken } from '../ipc/transport';
import { formatBytes } from '../lib/format';
import { useStore } from '../store';

/** Web mode: a link that downloads an exported file through the host (token-checked). */
function downloadHref(result: ExportResult, file: string): string {
  const folder = result.dir.split(/[\\/]/).pop() ?? '';
  const token = accessToken();
  return `/download?${token === null ? '' : `token=${encodeURIComponent(token)}&`}path=${encodeURIComponent(`${folder}/${file}`)}`;
}

/** Files the host wrote under exports/: download links in a browser, the folder in Electron. */
export function ExportFiles({ result }: { readonly result: ExportResult }): ReactElement {
  const web = useStore((s) => (s.system?.mode ?? s.hostMode) === 'web');
  return (
    <ul className="chips" data-testid="export-files" title={result.dir}>
      {result.files.map((f) => (
        <li key={f.name} className="chip">
          {web ? <a href={downloadHref(result, f.name)} download={f.name} data-testid="export-file">{f.name}</a> : <span data-testid="export-file">{f.name}</span>}
          <span className="muted"> {formatBytes(f.bytes)}</span>
        </li>
      ))}
      {web ? null : <li className="muted small mono">{result.dir}</li>}
    </ul>
  );
}
