import { useCallback, useState, type ChangeEvent, type ReactElement } from 'react';
import { startRun } from '../../ipc/actions';
import { useStore } from '../../store';
import { NumberField } from './NumberField';
import { buildStartRequest, RUN_FORM_DEFAULTS, RUN_FORM_FIELDS, type RunFormKey, type RunFormValues } from './runForm';

const GROUPS = [
  { id: 'train', title: 'Training' },
  { id: 'model', title: 'SASRec' },
  { id: 'eval', title: 'Evaluation' },
] as const;

function DatasetSelect(): ReactElement {
  const datasets = useStore((s) => s.datasets);
  const selected = useStore((s) => s.newRunDatasetId ?? s.datasets[0]?.id ?? '');
  const select = useStore((s) => s.selectNewRunDataset);
  const onChange = useCallback((e: ChangeEvent<HTMLSelectElement>) => select(e.target.value), [select]);
  return (
    <label className="field grow">
      <span>Dataset</span>
      <select data-testid="run-dataset" value={selected} onChange={onChange}>
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>{d.name}</option>
        ))}
      </select>
    </label>
  );
}

/** SASRec run configuration; Start → runs.start → the run page. */
export function NewRunForm(): ReactElement {
  const [values, setValues] = useState<RunFormValues>(RUN_FORM_DEFAULTS);
  const [fullRanking, setFullRanking] = useState(true);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const datasetId = useStore((s) => s.newRunDatasetId ?? s.datasets[0]?.id ?? '');

  const onField = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    const key = e.target.name as RunFormKey;
    const text = e.target.value;
    setValues((v) => ({ ...v, [key]: text }));
  }, []);
  const onFullRanking = useCallback((e: ChangeEvent<HTMLInputElement>) => setFullRanking(e.target.checked), []);
  const onReset = useCallback(() => setValues(RUN_FORM_DEFAULTS), []);
  const onStart = useCallback(() => {
    const built = buildStartRequest(datasetId, values, fullRanking);
    setErrors(built.ok ? [] : built.errors);
    if (!built.ok) return;
    setBusy(true);
    void startRun(built.request).finally(() => setBusy(false));
  }, [datasetId, values, fullRanking]);

  return (
    <div className="panel new-run" data-testid="new-run-form">
      <div className="panel-title">New SASRec run</div>
      <div className="form-row">
        <DatasetSelect />
      </div>
      {GROUPS.map((g) => (
        <fieldset key={g.id} className="field-group">
          <legend>{g.title}</legend>
          {RUN_FORM_FIELDS.filter((f) => f.group === g.id).map((f) => (
            <NumberField key={f.key} field={f} value={values[f.key]} onChange={onField} />
          ))}
          {g.id === 'eval' ? (
            <label className="field checkbox">
              <input type="checkbox" data-testid="run-full-ranking" checked={fullRanking} onChange={onFullRanking} />
              <span>Also full ranking</span>
            </label>
          ) : null}
        </fieldset>
      ))}
      {errors.length === 0 ? null : (
        <ul className="form-errors" role="alert" data-testid="run-form-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onReset}>Defaults</button>
        <button type="button" className="btn btn-primary" data-testid="run-start" onClick={onStart} disabled={busy || datasetId === ''}>
          {busy ? 'Starting…' : 'Start training'}
        </button>
      </div>
    </div>
  );
}
