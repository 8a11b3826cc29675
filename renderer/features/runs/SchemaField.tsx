import { memo, useEffect, useState, type ChangeEvent, type ReactElement, type ReactNode } from 'react';
import type { RegisteredModel } from '../../../core/protocol';
import { invoke } from '../../ipc/invoke';
import type { SchemaField as Field } from '../../lib/schemaForm';
import { useStore } from '../../store';
import { newRunDatasetId } from '../../store/selectors';

interface SchemaFieldProps {
  readonly field: Field;
  readonly value: string;
  /** Receives the field path and its new text ('true' / 'false' for checkboxes). */
  readonly onChange: (path: string, text: string) => void;
  /** The host refused the run because of this field. */
  readonly invalid?: boolean;
}

/** A labelled select of a generated field; `children` are its options. */
function SelectField({ field, value, onChange, invalid = false, children }: SchemaFieldProps & { readonly children: ReactNode }): ReactElement {
  return (
    <label className="field" title={field.help}>
      <span>{field.label}</span>
      <select data-testid={`field-${field.path}`} value={value} aria-invalid={invalid} onChange={(e) => onChange(field.path, e.target.value)}>
        {children}
      </select>
      {field.help ? <small className="field-help">{field.help}</small> : null}
    </label>
  );
}

/** A base-model choice: 'scratch' or one of the workspace's registered models. */
function ModelField(props: SchemaFieldProps): ReactElement {
  const [models, setModels] = useState<readonly RegisteredModel[]>([]);
  useEffect(() => { invoke('models.list', {}).then(setModels, () => undefined); }, []);
  return (
    <SelectField {...props}>
      <option value="scratch">From scratch (pretrain on the item text)</option>
      {models.map((m) => <option key={m.id} value={m.id}>{m.name} · {m.info.architecture}</option>)}
    </SelectField>
  );
}

/** A domain of the dataset chosen for the run; '' keeps the recipe's default (the help says which). */
function DomainField(props: SchemaFieldProps): ReactElement {
  const datasetId = useStore(newRunDatasetId);
  const domains = useStore((s) => s.datasets.find((d) => d.id === datasetId)?.domains ?? []);
  // A value from a preset or an earlier dataset stays selectable, so the form never changes it silently.
  const stale = props.value !== '' && !domains.includes(props.value);
  return (
    <SelectField {...props}>
      <option value="">Recipe default</option>
      {domains.map((d) => <option key={d} value={d}>{d}</option>)}
      {stale ? <option value={props.value}>{props.value} (not in this dataset)</option> : null}
    </SelectField>
  );
}

/** One generated input: number, checkbox or select, labelled and explained by the schema. */
export const SchemaField = memo(function SchemaField({ field, value, onChange, invalid = false }: SchemaFieldProps): ReactElement {
  const testId = `field-${field.path}`;
  const onInput = (e: ChangeEvent<HTMLInputElement>): void => {
    const target = e.target;
    onChange(field.path, target.type === 'checkbox' ? String(target.checked) : target.value);
  };
  if (field.kind === 'boolean') {
    return (
      <label className="field checkbox" title={field.help}>
        <input type="checkbox" data-testid={testId} checked={value === 'true'} aria-invalid={invalid} onChange={onInput} />
        <span>{field.label}</span>
      </label>
    );
  }
  if (field.kind === 'model') return <ModelField field={field} value={value} onChange={onChange} invalid={invalid} />;
  if (field.kind === 'domain') return <DomainField field={field} value={value} onChange={onChange} invalid={invalid} />;
  if (field.kind === 'enum') {
    return (
      <SelectField field={field} value={value} onChange={onChange} invalid={invalid}>
        {(field.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
      </SelectField>
    );
  }
  return (
    <label className="field" title={field.help}>
      <span>{field.label}</span>
      <input
        type={field.kind === 'string' ? 'text' : 'number'}
        data-testid={testId}
        value={value}
        {...(field.min !== undefined ? { min: field.min } : {})}
        {...(field.max !== undefined ? { max: field.max } : {})}
        step={field.kind === 'integer' ? 1 : 'any'}
        aria-invalid={invalid}
        onChange={onInput}
      />
      {field.help ? <small className="field-help">{field.help}</small> : null}
    </label>
  );
});
