import { memo, type ReactElement } from 'react';
import type { ResultTable } from '../../../core/protocol';
import { formatTableNumber } from '../../lib/format';

function cell(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatTableNumber(value) : value;
}

/** A recipe's result tables (ablations, side-by-side comparisons), each with its protocol. */
export const ResultTables = memo(function ResultTables({ tables }: { readonly tables: readonly ResultTable[] }): ReactElement | null {
  if (tables.length === 0) return null;
  return (
    <>
      {tables.map((t) => (
        <div key={t.id} className="panel" data-testid="result-table" data-table-id={t.id}>
          <div className="panel-title">{t.title}</div>
          <table className="metrics-table">
            <thead>
              <tr>{t.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {t.rows.map((row, i) => (
                <tr key={i} data-testid="result-row">
                  {row.map((v, j) => <td key={j} className={typeof v === 'number' ? 'num mono' : ''} data-value={v ?? undefined}>{cell(v)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small" data-testid="result-protocol">{t.protocol}</p>
        </div>
      ))}
    </>
  );
});
