import { useCallback, useEffect, useState, type ChangeEvent, type ReactElement } from 'react';
import type { ItemTextPreview } from '../../../core/protocol';
import { invoke, toApiError } from '../../ipc/invoke';
import { useStore } from '../../store';

/** Pause after typing before the preview is refreshed. */
const PREVIEW_DELAY_MS = 250;

/** The dataset's item text template with a live preview on its first items; saved for the LLM recipes. */
export function ItemTextEditor({ datasetId }: { readonly datasetId: string }): ReactElement {
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<ItemTextPreview | null>(null);
  const [saved, setSaved] = useState('');
  const pushError = useStore((s) => s.pushError);
  useEffect(() => {
    invoke('datasets.itemText', { datasetId }).then((p) => { setPreview(p); setText(p.template); setSaved(p.template); }, (e: unknown) => pushError('Item text', toApiError(e)));
  }, [datasetId, pushError]);
  useEffect(() => {
    if (text === null) return undefined;
    let live = true; // a slower answer for an older template must not replace the newer one's
    const timer = setTimeout(() => { invoke('datasets.itemText', { datasetId, template: text }).then((p) => { if (live) setPreview(p); }, () => undefined); }, PREVIEW_DELAY_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [datasetId, text]);
  const onSave = useCallback(() => {
    if (text === null) return;
    invoke('datasets.setItemTemplate', { datasetId, template: text }).then((p) => { setPreview(p); setSaved(p.template); }, (e: unknown) => pushError('Save item template', toApiError(e)));
  }, [datasetId, text, pushError]);
  if (preview === null || text === null) return <div className="muted small">Loading item text…</div>;
  return (
    <div className="item-text" data-testid="item-text">
      <div className="form-row">
        <span className="meta-label">Item text</span>
        <select data-testid="item-text-preset" value="" onChange={(e: ChangeEvent<HTMLSelectElement>) => e.target.value && setText(e.target.value)}>
          <option value="">Presets…</option>
          {preview.presets.map((p) => <option key={p.name} value={p.template}>{p.name}</option>)}
        </select>
        <span className="muted small">fields: {preview.fields.map((f) => `{${f}}`).join(' ')}</span>
      </div>
      <textarea data-testid="item-text-template" rows={2} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      {preview.errors.length > 0 ? (
        <ul className="form-errors" role="alert" data-testid="item-text-errors">{preview.errors.map((e) => <li key={`${e.position}:${e.message}`}>{e.message}</li>)}</ul>
      ) : (
        <ol className="item-text-samples" data-testid="item-text-samples">{preview.samples.map((s, i) => <li key={i} className="mono">{s}</li>)}</ol>
      )}
      <button type="button" className="btn btn-small" data-testid="item-text-save" disabled={text === saved || preview.errors.length > 0} onClick={onSave}>Save template</button>
    </div>
  );
}
