import { memo, type ReactElement } from 'react';
import type { RunStatus } from '../../../core/protocol';
import { formatEta, formatInt } from '../../lib/format';
import { isActive, progressPercent } from '../../lib/runStatus';
import { useStore } from '../../store';
import { ProgressBar } from '../../components/ProgressBar';
import { useStageTitle } from './useRunMarkers';

interface ProgressPanelProps {
  readonly runId: string;
  readonly status: RunStatus;
}

/** Progress bar with step, epoch, phase and ETA. */
export const ProgressPanel = memo(function ProgressPanel({ runId, status }: ProgressPanelProps): ReactElement {
  const progress = useStore((s) => s.progress[runId] ?? null);
  const pct = progressPercent(status, progress);
  const eta = isActive(status) ? formatEta(progress?.etaSeconds ?? null) : 'ETA —';
  const phase = progress?.phase === 'eval' || status === 'evaluating' ? 'evaluating' : 'training';
  const stage = useStageTitle(runId);
  return (
    <div className="panel progress-panel">
      <div className="progress-top">
        <span className="progress-pct">{pct}%</span>
        <span className="muted">{isActive(status) ? phase : status}</span>
        {stage === null ? null : <span className="muted" data-testid="run-stage">· {stage}</span>}
        {progress?.label === undefined ? null : <span className="muted small" data-testid="progress-label">· {progress.label}</span>}
        <span className="grow" />
        <span className="eta" data-testid="eta">{eta}</span>
      </div>
      <ProgressBar pct={pct} label="Training progress" className={`status-${status}`} testId="progress-bar" />
      <div className="progress-facts">
        <span data-testid="progress-step">
          Step {formatInt(progress?.step ?? 0)} / {progress === null ? '—' : formatInt(progress.totalSteps)}
        </span>
        {progress?.label === undefined ? (
          <span data-testid="progress-epoch">
            Epoch {progress?.epoch ?? 0} / {progress?.epochs ?? '—'}
          </span>
        ) : null}
      </div>
    </div>
  );
});
