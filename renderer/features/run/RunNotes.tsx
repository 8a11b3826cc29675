import { useCallback, useState, type ChangeEvent, type ReactElement } from 'react';
import type { RunSummary } from '../../../core/protocol';
import { annotateRun } from '../../ipc/actions';
import { parseTags } from '../../lib/tags';

/** Free-text notes and tags on a run, saved to the workspace. */
export function RunNotes({ run }: { readonly run: RunSummary }): ReactElement {
  const [notes, setNotes] = useState(run.notes);
  const [tags, setTags] = useState(run.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const dirty = notes !== run.notes || parseTags(tags).join(',') !== run.tags.join(',');
  const onNotes = useCallback((e: ChangeEvent<HTMLTextAreaElement>) => setNotes(e.target.value), []);
  const onTags = useCallback((e: ChangeEvent<HTMLInputElement>) => setTags(e.target.value), []);
  const onSave = useCallback(() => {
    setSaving(true);
    void annotateRun(run.id, notes, parseTags(tags)).finally(() => setSaving(false));
  }, [run.id, notes, tags]);
  return (
    <div className="panel run-notes" data-testid="run-notes">
      <div className="panel-title">Notes</div>
      <textarea data-testid="run-notes-text" value={notes} onChange={onNotes} rows={3} maxLength={10_000} placeholder="What was this run for? What did you learn?" />
      <div className="form-row">
        <label className="field grow">
          <span>Tags</span>
          <input data-testid="run-tags" value={tags} onChange={onTags} placeholder="baseline, lr-sweep" />
        </label>
        <button type="button" className="btn btn-primary" data-testid="run-notes-save" disabled={!dirty || saving} onClick={onSave}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
