import { memo, type ReactElement } from 'react';
import type { RunProgress, RunStatus } from '../../../core/protocol';
import { formatEta, formatInt } from '../../lib/format';
import { isActive, progressPercent } from '../../lib/runStatus';
import { useStore } from '../../store';
import { ProgressBar } from '../../components/ProgressBar';
import { useStagePosition, type StagePosition } from './useRunMarkers';

interface ProgressPanelProps {
  readonly runId: string;
  readonly status: RunStatus;
}

/** An active stage that counts no steps (data preparation, evaluation, λ search): no percent, no ETA. */
function uncounted(status: RunStatus, progress: RunProgress | null, stage: StagePosition | null): boolean {
  return isActive(status) && status !== 'queued' && stage !== null && (progress === null || progress.totalSteps <= 0);
}

/**
 * Progress bar with step, epoch, phase and ETA. A multi-stage recipe shows which stage of how many
 * runs now; its bar, steps and ETA belong to that stage, and a stage without steps shows none.
 */
export const ProgressPanel = memo(function ProgressPanel({ runId, status }: ProgressPanelProps): ReactElement {
  const progress = useStore((s) => s.progress[runId] ?? null);
  const stage = useStagePosition(runId);
  const active = isActive(status);
  const working = uncounted(status, progress, stage);
  const pct = working ? 0 : progressPercent(status, progress);
  const eta = active && !working ? formatEta(progress?.etaSeconds ?? null) : 'ETA —';
  const phase = progress?.phase === 'eval' || status === 'evaluating' ? 'evaluating' : 'training';
  return (
    <div className="panel progress-panel">
      <div className="progress-top">
        <span className="progress-pct">{working ? '…' : `${pct}%`}</span>
        <span className="muted">{!active ? status : working ? 'working' : phase}</span>
        {stage === null ? null : (
          <span className="muted" data-testid="run-stage">
            · {stage.count > 1 && stage.index > 0 ? `stage ${stage.index} of ${stage.count}: ` : ''}{stage.title}
          </span>
        )}
        {!active || working || progress?.label === undefined ? null : <span className="muted small" data-testid="progress-label">· {progress.label}</span>}
        <span className="grow" />
        <span className="eta" data-testid="eta">{eta}</span>
      </div>
      <ProgressBar pct={working ? 100 : pct} label="Training progress" className={`status-${status}`} testId="progress-bar" indeterminate={working} />
      <div className="progress-facts">
        {working || (progress !== null && progress.totalSteps <= 0) ? null : (
          <span data-testid="progress-step">
            Step {formatInt(progress?.step ?? 0)} / {progress === null ? '—' : formatInt(progress.totalSteps)}
          </span>
        )}
        {working || progress?.label !== undefined || (progress !== null && progress.epochs <= 0) ? null : (
          <span data-testid="progress-epoch">
            Epoch {progress?.epoch ?? 0} / {progress?.epochs ?? '—'}
          </span>
        )}
      </div>
    </div>
  );
});
