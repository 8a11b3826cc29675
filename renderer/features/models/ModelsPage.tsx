import { useCallback, useEffect, useState, type ChangeEvent, type ReactElement } from 'react';
import type { ApiError, ModelFolderInfo, RegisteredModel } from '../../../core/protocol';
import { invoke, toApiError } from '../../ipc/invoke';
import { getBridge } from '../../ipc/transport';
import { formatInt, formatLocation } from '../../lib/format';
import { ModelInfoCard } from './ModelInfoCard';

/** Local Hugging Face models: inspect a folder (nothing is loaded), register it for the recipes. */
export function ModelsPage(): ReactElement {
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [info, setInfo] = useState<ModelFolderInfo | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [models, setModels] = useState<readonly RegisteredModel[]>([]);
  useEffect(() => { invoke('models.list', {}).then(setModels, () => undefined); }, []);
  const fail = (e: unknown): void => { setError(toApiError(e)); setInfo(null); };
  const inspect = useCallback((folder: string) => {
    setBusy(true);
    setError(null);
    invoke('models.inspect', { path: folder }).then((i) => { setInfo(i); setName((n) => n || (i.path.split(/[\\/]/).pop() ?? '')); }, fail).finally(() => setBusy(false));
  }, []);
  const onInspect = useCallback(() => inspect(path.trim()), [inspect, path]);
  // Electron: the native dialog also grants the window read access to the folder.
  const chooseFolder = getBridge().chooseFolder;
  const onBrowse = (): void => {
    chooseFolder?.().then((folder) => {
      if (folder === null) return;
      setPath(folder);
      inspect(folder);
    }, fail);
  };
  const onRegister = useCallback(() => {
    setBusy(true);
    invoke('models.register', { path: path.trim(), name: name.trim() }).then((m) => setModels((l) => [m, ...l]), fail).finally(() => setBusy(false));
  }, [path, name]);
  const onRemove = (id: string): void => {
    invoke('models.remove', { modelId: id }).then(() => setModels((l) => l.filter((m) => m.id !== id)), fail);
  };
  return (
    <section className="page" data-testid="models-page">
      <header className="page-header">
        <h1>Models</h1>
        <p className="page-sub">Point at a local Hugging Face folder (LLaMA, Qwen2, Mistral): its config, size and memory needs are read from the headers before anything is loaded.</p>
      </header>
      <div className="panel">
        <div className="form-row">
          <label className="field grow">
            <span>Model folder (absolute path)</span>
            <input data-testid="model-path" value={path} placeholder="/models/Qwen2-0.5B-Instruct" onChange={(e: ChangeEvent<HTMLInputElement>) => setPath(e.target.value)} />
          </label>
          {chooseFolder ? <button type="button" className="btn" data-testid="model-browse" disabled={busy} onClick={onBrowse}>Browse…</button> : null}
          <button type="button" className="btn btn-primary" data-testid="model-inspect" disabled={busy || path.trim() === ''} onClick={onInspect}>Inspect</button>
        </div>
        {error ? (
          <div className="import-error" role="alert" data-testid="model-error">
            <div className="import-error-message">{error.message}</div>
            {error.location ? <div className="import-error-location">{formatLocation(error.location)}</div> : null}
          </div>
        ) : null}
        {info ? <ModelInfoCard info={info} /> : null}
        {info ? (
          <div className="form-row">
            <label className="field grow">
              <span>Register as</span>
              <input data-testid="model-name" value={name} onChange={(e: ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            </label>
            <button type="button" className="btn" data-testid="model-register" disabled={busy || !info.memory.fitsInference || name.trim() === ''} onClick={onRegister}
              title={info.memory.fitsInference ? 'Recipes can use it as their base LM' : 'Does not fit in free memory'}>Register</button>
          </div>
        ) : null}
      </div>
      <h2 className="section-title">Registered models</h2>
      {models.length === 0 ? <p className="empty">None yet. Recipes can also train a small LM from scratch.</p> : (
        <ul className="run-list" data-testid="model-list">
          {models.map((m) => (
            <li key={m.id} className="panel model-row" data-testid="model-row" data-model-name={m.name}>
              <strong>{m.name}</strong> <span className="muted small">{m.info.architecture} · {formatInt(m.info.parameters)} parameters · {m.path}</span>
              <span className="grow" />
              <button type="button" className="btn btn-danger-ghost btn-small" onClick={() => onRemove(m.id)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
