import { useCallback, type ReactElement } from 'react';
import { formatLocation } from '../lib/format';
import { useStore, type Store } from '../store';
import type { UiError } from '../store/types';

/** The errors of the page shown now (an import error does not follow the user to a run). */
function pageErrors(s: Store): readonly UiError[] {
  return s.errors.filter((e) => e.page === s.page);
}

/** The newest error of any invoke on this page; dismissing it reveals the one before (at most a few are kept). */
export function ErrorBanner(): ReactElement | null {
  const latest = useStore((s) => pageErrors(s).at(-1) ?? null);
  const more = useStore((s) => Math.max(0, pageErrors(s).length - 1));
  const dismissError = useStore((s) => s.dismissError);
  const id = latest?.id;
  const onDismiss = useCallback(() => {
    if (id !== undefined) dismissError(id);
  }, [dismissError, id]);
  if (latest === null) return null;
  const { error } = latest;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-code={error.code}>
      <span className="error-icon" aria-hidden="true">!</span>
      <div className="error-text">
        <strong>{latest.context} failed:</strong> {error.message}
        {error.location === undefined ? null : <div className="error-location">{formatLocation(error.location)}</div>}
        {more === 0 ? null : <div className="error-more">{more} earlier error{more === 1 ? '' : 's'}</div>}
      </div>
      <button type="button" className="btn btn-ghost btn-small" data-testid="error-dismiss" onClick={onDismiss} aria-label="Dismiss error">
        ✕
      </button>
    </div>
  );
}
