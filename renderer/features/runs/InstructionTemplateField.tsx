import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { InstructionPreview, InstructionPreviewRequest } from '../../../core/protocol';
import { invoke } from '../../ipc/invoke';
import type { FormValues, SchemaField } from '../../lib/schemaForm';

/** Pause after typing before the preview is refreshed. */
const PREVIEW_DELAY_MS = 250;

interface InstructionTemplateFieldProps {
  readonly field: SchemaField;
  readonly values: FormValues;
  readonly datasetId: string;
  readonly onChange: (path: string, text: string) => void;
}

/** The form's other fields the example is rendered with (item text, target domain, history, negatives). */
function previewRequest(datasetId: string, template: string, values: FormValues): InstructionPreviewRequest {
  const num = (path: string): number | undefined => {
    const text = values[path] ?? '';
    return text !== '' && Number.isInteger(Number(text)) ? Number(text) : undefined;
  };
  const itemText = values['settings.itemText'];
  const [maxHistory, negatives] = [num('settings.maxHistory'), num('settings.negatives')];
  return {
    datasetId,
    recipe: 'reccocktail',
    template,
    targetDomain: values['settings.targetDomain'] ?? '',
    ...(itemText === 'title' || itemText === 'genres-title' ? { itemText } : {}),
    ...(maxHistory === undefined ? {} : { maxHistory }),
    ...(negatives === undefined ? {} : { negatives }),
  };
}

/** Re-renders the example whenever the template or the fields it reads settle (the latest request wins). */
function usePreview(datasetId: string, template: string, values: FormValues): InstructionPreview | null {
  const [preview, setPreview] = useState<InstructionPreview | null>(null);
  const built = previewRequest(datasetId, template, values);
  // Keyed by content: other fields of the form changing must not re-render the example.
  const key = JSON.stringify(built);
  const request = useMemo(() => built, [key]);
  useEffect(() => {
    if (datasetId === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      invoke('recipes.previewInstruction', request).then((p) => live && setPreview(p), () => live && setPreview(null));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [datasetId, request]);
  return preview;
}

/**
 * RecCocktail's instruction template: a text area and, below it, one real example of the chosen
 * dataset rendered exactly as training will render it (prompt and answer), or the template's
 * located mistakes while it has some.
 */
export function InstructionTemplateField({ field, values, datasetId, onChange }: InstructionTemplateFieldProps): ReactElement {
  const template = values[field.path] ?? '';
  const preview = usePreview(datasetId, template, values);
  return (
    <div className="field instruction-template" title={field.help}>
      <span>{field.label}</span>
      <textarea data-testid={`field-${field.path}`} rows={3} value={template} spellCheck={false} onChange={(e) => onChange(field.path, e.target.value)} />
      <small className="field-help">{preview ? `fields: ${preview.fields.map((f) => `{${f}}`).join(' ')} · ` : ''}{field.help}</small>
      {preview === null ? null : preview.errors.length > 0 ? (
        <ul className="form-errors" role="alert" data-testid="instruction-errors">{preview.errors.map((e) => <li key={`${e.position}:${e.message}`}>{e.message}</li>)}</ul>
      ) : (
        <div className="instruction-preview" data-testid="instruction-preview">
          <span className="muted small">Example from {preview.domain}:</span>
          <pre className="mono" data-testid="instruction-preview-prompt">{preview.prompt}</pre>
          <span className="muted small">Answer: <span className="mono" data-testid="instruction-preview-answer">{preview.completion}</span></span>
        </div>
      )}
    </div>
  );
}
