import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { changeRun } from '../ipc/actions';
import { runTitle } from '../lib/runLabel';
import { useStore } from '../store';

/** The error text the workspace gives runs a previous process left running. */
const INTERRUPTED = /interrupted/i;

/** At start: runs a crash or a closed window interrupted, offered for resume from their checkpoints. */
export function InterruptedRuns(): ReactElement | null {
  const runs = useStore((s) => s.runs);
  const [dismissed, setDismissed] = useState(false);
  const interrupted = useMemo(() => runs.filter((r) => r.status === 'failed' && INTERRUPTED.test(r.error ?? '')), [runs]);
  const onResumeAll = useCallback(() => {
    for (const r of interrupted) void changeRun('runs.resume', r.id);
  }, [interrupted]);
  if (dismissed || interrupted.length === 0) return null;
  return (
    <div className="panel interrupted" role="alert" data-testid="interrupted-runs">
      <span>
        {interrupted.length === 1 ? '1 run was' : `${interrupted.length} runs were`} interrupted when RecForge last stopped:{' '}
        {interrupted.map((r) => runTitle(r)).join(', ')}. They can continue from their last checkpoint.
      </span>
      <span className="grow" />
      <button type="button" className="btn btn-primary btn-small" data-testid="interrupted-resume-all" onClick={onResumeAll}>Resume {interrupted.length === 1 ? '' : 'all'}</button>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setDismissed(true)}>Dismiss</button>
    </div>
  );
}
