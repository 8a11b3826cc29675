import { useCallback, useRef, type ChangeEvent, type ReactElement } from 'react';
import { runPipelineFile } from '../../ipc/pipelineActions';

/** "Run pipeline file…": picks a pipeline JSON (e.g. one exported from a run, or written for the CLI). */
export function PipelineFileButton(): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  const onClick = useCallback(() => input.current?.click(), []);
  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void runPipelineFile(file);
  }, []);
  return (
    <>
      <button type="button" className="btn btn-ghost" data-testid="pipeline-run-file" onClick={onClick}>Run pipeline file…</button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="pipeline-file-input" onChange={onChange} />
    </>
  );
}
