import { useCallback, useRef, type ChangeEvent, type ReactElement } from 'react';
import { importTrainingLog, runPipelineFile } from '../../ipc/runFileActions';

interface FileButtonProps {
  readonly label: string;
  readonly accept: string;
  readonly testId: string;
  readonly title: string;
  readonly onFile: (file: File) => Promise<void>;
}

/** A button that opens the file picker and hands the chosen file on. */
function FileButton({ label, accept, testId, title, onFile }: FileButtonProps): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  const onClick = useCallback(() => input.current?.click(), []);
  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void onFile(file);
  }, [onFile]);
  return (
    <>
      <button type="button" className="btn btn-ghost" data-testid={testId} title={title} onClick={onClick}>{label}</button>
      <input ref={input} type="file" accept={accept} hidden data-testid={`${testId}-input`} onChange={onChange} />
    </>
  );
}

/** "Run pipeline file…": a pipeline JSON exported from a run or written for the CLI. */
export function PipelineFileButton(): ReactElement {
  return <FileButton label="Run pipeline file…" accept=".json,application/json" testId="pipeline-file" title="Runs a pipeline JSON exactly as `recforge run` does" onFile={runPipelineFile} />;
}

/** "Import training log…": step,loss[,lr,epoch] CSV or JSON lines from another tool, to compare with. */
export function TrainingLogButton(): ReactElement {
  return <FileButton label="Import training log…" accept=".csv,.tsv,.jsonl,.json,.gz" testId="log-import" title="A loss curve from another tool (CSV or JSON lines with step and loss)" onFile={importTrainingLog} />;
}
