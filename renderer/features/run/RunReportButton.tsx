import { useCallback, useState, type ReactElement } from 'react';
import type { ExportResult } from '../../../core/protocol';
import { ExportFiles } from '../../components/ExportFiles';
import { invoke, toApiError } from '../../ipc/invoke';
import { useStore } from '../../store';

/** "Report": a self-contained HTML file with the run's metrics, charts, settings and pipeline. */
export function RunReportButton({ runId }: { readonly runId: string }): ReactElement {
  const [result, setResult] = useState<ExportResult | null>(null);
  const pushError = useStore((s) => s.pushError);
  const onClick = useCallback(() => {
    invoke('runs.report', { runId }).then(setResult, (e: unknown) => pushError('Run report', toApiError(e)));
  }, [runId, pushError]);
  return (
    <span className="run-report">
      <button type="button" className="btn btn-ghost btn-small" data-testid="run-report" onClick={onClick}>Report</button>
      {result ? <ExportFiles result={result} /> : null}
    </span>
  );
}
