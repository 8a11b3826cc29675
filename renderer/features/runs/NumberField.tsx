import { memo, type ChangeEvent, type ReactElement } from 'react';
import type { RunFormField } from './runForm';

interface NumberFieldProps {
  readonly field: RunFormField;
  readonly value: string;
  readonly onChange: (e: ChangeEvent<HTMLInputElement>) => void;
}

/** One numeric input of the new-run form; the input's name is the form key. */
export const NumberField = memo(function NumberField({ field, value, onChange }: NumberFieldProps): ReactElement {
  return (
    <label className="field">
      <span>{field.label}</span>
      <input
        type="number"
        name={field.key}
        data-testid={field.testId}
        value={value}
        min={field.min}
        max={field.max}
        step={field.integer ? field.step : 'any'}
        onChange={onChange}
      />
    </label>
  );
});
