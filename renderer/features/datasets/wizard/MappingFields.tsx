import { memo, type ChangeEvent, type ReactElement } from 'react';
import type { PreviewColumn } from '../../../../core/protocol';
import { ROLES, type DraftMapping, type Role } from '../../../lib/mapping';

interface MappingFieldsProps {
  readonly columns: readonly PreviewColumn[];
  readonly mapping: DraftMapping;
  readonly onChange: (mapping: DraftMapping) => void;
  readonly disabled: boolean;
}

/** One select per role, and item text fields as checkboxes over the remaining columns. */
export const MappingFields = memo(function MappingFields({ columns, mapping, onChange, disabled }: MappingFieldsProps): ReactElement {
  const setRole = (role: Role) => (e: ChangeEvent<HTMLSelectElement>): void => {
    const { [role]: _old, ...rest } = mapping;
    onChange(e.target.value === '' ? rest : { ...rest, [role]: e.target.value });
  };
  const used = new Set(ROLES.map((r) => mapping[r.role]).filter(Boolean));
  const toggleText = (column: string): void => {
    const text = mapping.text ?? [];
    onChange({ ...mapping, text: text.includes(column) ? text.filter((c) => c !== column) : [...text, column] });
  };
  return (
    <fieldset className="field-group mapping" disabled={disabled}>
      <legend>Columns</legend>
      {ROLES.map((r) => (
        <label key={r.role} className="field">
          <span>{r.label}{r.required ? ' *' : ''}</span>
          <select data-testid={`map-${r.role}`} value={mapping[r.role] ?? ''} onChange={setRole(r.role)}>
            <option value="">{r.required ? 'Choose…' : '—'}</option>
            {columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
      ))}
      <div className="field text-fields">
        <span>Item text fields</span>
        <div className="chips">
          {columns.filter((c) => !used.has(c.name)).map((c) => (
            <label key={c.name} className="chip">
              <input type="checkbox" data-testid="map-text" data-column={c.name} checked={mapping.text?.includes(c.name) ?? false} onChange={() => toggleText(c.name)} />
              {c.name}
            </label>
          ))}
        </div>
      </div>
    </fieldset>
  );
});
