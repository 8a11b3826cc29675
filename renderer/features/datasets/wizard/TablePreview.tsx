import { memo, type ReactElement } from 'react';
import type { TabularPreview } from '../../../../core/protocol';
import { formatInt } from '../../../lib/format';
import { ROLES, type DraftMapping } from '../../../lib/mapping';

const SHOWN_ROWS = 8;

function roleOf(column: string, mapping: DraftMapping): string | null {
  const role = ROLES.find((r) => mapping[r.role] === column);
  if (role) return role.label;
  return mapping.text?.includes(column) ? 'Item text' : null;
}

/** The first rows of the first file, with detected types and the role each column plays. */
export const TablePreview = memo(function TablePreview({ preview, mapping }: { readonly preview: TabularPreview; readonly mapping: DraftMapping }): ReactElement {
  return (
    <div className="table-preview" data-testid="import-preview">
      <div className="muted small">
        {preview.file} · {preview.kind.toUpperCase()}{preview.gzip ? ' (gzip)' : ''} · ≈ {formatInt(preview.rowEstimate)} rows
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c.name} scope="col" data-testid="preview-column" data-column={c.name}>
                  <div>{c.name}</div>
                  <div className="muted small mono">{c.type}</div>
                  {roleOf(c.name, mapping) ? <div className="role-tag">{roleOf(c.name, mapping)}</div> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, SHOWN_ROWS).map((row, i) => (
              <tr key={i}>{row.map((v, j) => <td key={j} className="mono">{v}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
