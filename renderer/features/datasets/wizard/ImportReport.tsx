import type { ReactElement } from 'react';
import { formatInt, formatLocation } from '../../../lib/format';
import { useStore } from '../../../store';

/** After an import: what was stored, which rows the 'skip' policy left out and why, and what else the user should know. */
export function ImportReport(): ReactElement | null {
  const last = useStore((s) => s.lastImport);
  if (last === null) return null;
  const { dataset, skipped, warnings } = last;
  return (
    <div className={skipped.count > 0 || warnings.length > 0 ? 'import-report warn' : 'import-report'} role="status" data-testid="import-report" data-skipped={skipped.count}>
      <div>
        Imported <strong>{dataset.name}</strong>: {formatInt(dataset.interactions)} interactions, {formatInt(dataset.users)} users, {formatInt(dataset.items)} items.
        {skipped.count > 0 ? ` ${formatInt(skipped.count)} bad rows were skipped:` : ''}
      </div>
      {skipped.count > 0 ? (
        <ul className="skipped" data-testid="import-skipped">
          {skipped.errors.map((e, i) => (
            <li key={i}><span className="mono">{e.location ? formatLocation(e.location) : ''}</span> {e.message}</li>
          ))}
          {skipped.count > skipped.errors.length ? <li className="muted">… and {formatInt(skipped.count - skipped.errors.length)} more</li> : null}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="skipped" data-testid="import-warnings">
          {warnings.map((w, i) => <li key={i}><span className="mono">{w.location ? formatLocation(w.location) : ''}</span> {w.message}</li>)}
        </ul>
      ) : null}
    </div>
  );
}
