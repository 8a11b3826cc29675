import { useCallback, useState, type ReactElement } from 'react';
import { invoke, toApiError } from '../../ipc/invoke';
import { useStore } from '../../store';
import { upsertDataset } from '../../store/reducers';

/** Several datasets as the domains of one corpus (items keep their source as domain). */
export function CombineDatasets(): ReactElement | null {
  const datasets = useStore((s) => s.datasets);
  const pushError = useStore((s) => s.pushError);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [name, setName] = useState('all domains');
  const [users, setUsers] = useState<'shared' | 'separate'>('shared');
  const [busy, setBusy] = useState(false);
  const toggle = (id: string): void => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const onCombine = useCallback(() => {
    setBusy(true);
    invoke('datasets.combine', { name, datasetIds: [...picked], users })
      .then((ds) => { useStore.setState((s) => ({ datasets: upsertDataset(s.datasets, ds) })); setPicked([]); }, (e: unknown) => pushError('Combine datasets', toApiError(e)))
      .finally(() => setBusy(false));
  }, [name, picked, users, pushError]);
  if (datasets.length < 2) return null;
  return (
    <details className="panel combine" data-testid="combine-datasets">
      <summary>Combine datasets as domains of one corpus (CPRec, RecCocktail)</summary>
      <div className="chips">
        {datasets.map((d) => (
          <label key={d.id} className="chip">
            <input type="checkbox" data-testid="combine-pick" data-dataset-name={d.name} checked={picked.includes(d.id)} onChange={() => toggle(d.id)} />
            {d.name}
          </label>
        ))}
      </div>
      <div className="form-row">
        <label className="field grow"><span>Name</span><input data-testid="combine-name" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label className="field">
          <span>Users</span>
          <select value={users} onChange={(e) => setUsers(e.target.value as 'shared' | 'separate')} title="Shared: the same raw user id is one person across domains">
            <option value="shared">shared across domains</option>
            <option value="separate">separate per domain</option>
          </select>
        </label>
        <button type="button" className="btn btn-primary" data-testid="combine-submit" disabled={busy || picked.length < 2 || name.trim() === ''} onClick={onCombine}>Combine</button>
      </div>
    </details>
  );
}
