import { memo, useState, type ReactElement } from 'react';
import type { ExportResult, RunArtifact } from '../../../core/protocol';
import { ExportFiles } from '../../components/ExportFiles';
import { exportRunArtifact, registerRunModel } from '../../ipc/runFileActions';

const KIND_NAMES: Readonly<Record<RunArtifact['kind'], string>> = {
  'hf-model': 'Hugging Face model',
  'peft-adapter': 'PEFT adapter',
  'semantic-ids': 'Semantic IDs',
  codebooks: 'Codebooks (safetensors)',
  'text-encoder': 'Text encoder (safetensors)',
  table: 'Table',
};

function RegisterButton({ runId, artifact }: { readonly runId: string; readonly artifact: RunArtifact }): ReactElement {
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const onClick = (): void => {
    setState('busy');
    void registerRunModel(runId, artifact.path, `${artifact.title} (${runId})`).then((ok) => setState(ok ? 'done' : 'idle'));
  };
  if (state === 'done') return <span className="muted small" data-testid="artifact-registered">Registered on the Models page</span>;
  return (
    <button type="button" className="btn btn-small" data-testid="artifact-register" disabled={state === 'busy'} onClick={onClick}
      title="Add this folder to the Models page so other recipes can start from it">
      Use as model
    </button>
  );
}

function ExportButton({ runId, artifact }: { readonly runId: string; readonly artifact: RunArtifact }): ReactElement {
  const [result, setResult] = useState<ExportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = (): void => {
    setBusy(true);
    void exportRunArtifact(runId, artifact.path).then((r) => {
      setResult(r);
      setBusy(false);
    });
  };
  return (
    <>
      <button type="button" className="btn btn-small" data-testid="artifact-export" disabled={busy} onClick={onClick}
        title="Copy to the workspace's exports/ folder (and download in a browser)">
        Export
      </button>
      {result === null ? null : <ExportFiles result={result} />}
    </>
  );
}

/** Files the run wrote (models, adapters, ID tables), relative to its folder in the workspace. */
export const RunArtifacts = memo(function RunArtifacts({ runId, artifacts }: { readonly runId: string; readonly artifacts: readonly RunArtifact[] }): ReactElement | null {
  if (artifacts.length === 0) return null;
  return (
    <div className="panel" data-testid="run-artifacts">
      <div className="panel-title">Artifacts</div>
      <ul className="artifact-list">
        {artifacts.map((a) => (
          <li key={a.path} data-testid="artifact" data-kind={a.kind} data-path={a.path}>
            <span>{a.title}</span>
            <span className="muted small">{KIND_NAMES[a.kind]}</span>
            <span className="mono small">runs/{runId}/{a.path}</span>
            <ExportButton runId={runId} artifact={a} />
            {a.kind === 'hf-model' ? <RegisterButton runId={runId} artifact={a} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
});
