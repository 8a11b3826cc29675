import type { ReactElement } from 'react';

interface ProgressBarProps {
  /** Percent done, 0–100. */
  readonly pct: number;
  /** What the bar measures, for screen readers. */
  readonly label?: string;
  /** Extra classes on the bar (e.g. its run status colour). */
  readonly className?: string;
  readonly testId?: string;
  /** Work is going on but cannot be measured: a dimmed full bar, no value for screen readers. */
  readonly indeterminate?: boolean;
}

/** The horizontal bar every long job shows (training, import, Auto λ): an accessible progressbar with a fill. */
export function ProgressBar({ pct, label, className, testId, indeterminate = false }: ProgressBarProps): ReactElement {
  return (
    <div className={className === undefined ? 'bar' : `bar ${className}`} data-testid={testId} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={indeterminate ? undefined : pct}>
      <div className="bar-fill" style={indeterminate ? { width: '100%', opacity: 0.35 } : { width: `${pct}%` }} />
    </div>
  );
}
