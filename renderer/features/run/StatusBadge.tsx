import type { ReactElement } from 'react';
import type { RunStatus } from '../../../core/protocol';

/** Colored status pill; the text is exactly the RunStatus. */
export function StatusBadge({ status, testId }: { readonly status: RunStatus; readonly testId?: string }): ReactElement {
  return (
    <span className={`status-badge status-${status}`} data-testid={testId}>
      {status}
    </span>
  );
}
