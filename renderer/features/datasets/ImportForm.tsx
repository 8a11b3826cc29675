import { useCallback, type ChangeEvent, type ReactElement } from 'react';
import type { DatasetFormat } from '../../../core/protocol';
import { changeDraftFormat, importDraft, needsMapping } from '../../ipc/importActions';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes, formatLocation } from '../../lib/format';
import { missingFiles } from '../../lib/detectFormat';
import { useStore } from '../../store';
import type { ImportDraft } from '../../store/types';
import { ImportSettings } from './wizard/ImportSettings';
import { MappingFields } from './wizard/MappingFields';
import { TablePreview } from './wizard/TablePreview';
import { ImportReport } from './wizard/ImportReport';

const FORMATS: readonly { value: DatasetFormat; label: string }[] = [
  { value: 'movielens-100k', label: 'MovieLens 100K (u.data)' },
  { value: 'movielens-1m', label: 'MovieLens 1M (ratings.dat, movies.dat)' },
  { value: 'movielens-csv', label: 'MovieLens latest / 25M (ratings.csv, movies.csv)' },
  { value: 'amazon-2014', label: 'Amazon Reviews 2014 (reviews + meta, JSON lines)' },
  { value: 'amazon-2018', label: 'Amazon Reviews 2018 (reviews + meta, JSON lines)' },
  { value: 'amazon-2023', label: 'Amazon Reviews 2023 (JSONL, parent_asin)' },
  { value: 'recbole', label: 'RecBole atomic files (.inter, .item)' },
  { value: 'csv', label: 'CSV (map columns)' },
  { value: 'tsv', label: 'TSV (map columns)' },
  { value: 'jsonl', label: 'JSON lines (map columns)' },
  { value: 'parquet', label: 'Parquet (map columns)' },
];

/** The mapping step of generic tables: preview, column roles, preprocessing. */
function MappingStep({ draft, disabled }: { readonly draft: ImportDraft; readonly disabled: boolean }): ReactElement {
  const setDraftMapping = useStore((s) => s.setDraftMapping);
  const setDraftSettings = useStore((s) => s.setDraftSettings);
  const first = draft.previews?.[0];
  if (draft.previewing || first === undefined) return <div className="muted" data-testid="import-previewing">{draft.previewing ? 'Reading the first rows…' : ''}</div>;
  return (
    <>
      <TablePreview preview={first} mapping={draft.mapping} />
      <div className="wizard-fields">
        <MappingFields columns={first.columns} mapping={draft.mapping} onChange={setDraftMapping} disabled={disabled} />
        <ImportSettings minInteractions={draft.minInteractions} options={draft.options} mapped ratingMapped={Boolean(draft.mapping.rating)} onChange={setDraftSettings} disabled={disabled} />
      </div>
    </>
  );
}

function ImportProgressBar(): ReactElement | null {
  const progress = useStore((s) => s.importProgress);
  const importing = useStore((s) => s.importing);
  if (!importing) return null;
  const pct = progress === null || progress.totalBytes <= 0 ? 0 : Math.round((progress.bytesRead / progress.totalBytes) * 100);
  const label = progress === null ? 'Importing…' : `${progress.file} — ${formatBytes(progress.bytesRead)} / ${formatBytes(progress.totalBytes)}`;
  return (
    <div className="import-progress" data-testid="import-progress">
      <ProgressBar pct={pct} />
      <span className="muted">{label}</span>
    </div>
  );
}

function ImportError(): ReactElement | null {
  const error = useStore((s) => s.importError);
  if (error === null) return null;
  return (
    <div className="import-error" role="alert" data-testid="import-error" data-code={error.code}>
      <div className="import-error-message">{error.message}</div>
      {error.location === undefined ? null : (
        <div className="import-error-location" data-testid="import-error-location">{formatLocation(error.location)}</div>
      )}
    </div>
  );
}

/** Chosen files, detected format, dataset name and the Import button. */
export function ImportForm(): ReactElement {
  const draft = useStore((s) => s.draft);
  const importing = useStore((s) => s.importing);
  const setDraftSettings = useStore((s) => s.setDraftSettings);
  const setDraftName = useStore((s) => s.setDraftName);
  const clearDraft = useStore((s) => s.clearDraft);
  const onFormat = useCallback((e: ChangeEvent<HTMLSelectElement>) => changeDraftFormat(e.target.value as DatasetFormat), []);
  const onName = useCallback((e: ChangeEvent<HTMLInputElement>) => setDraftName(e.target.value), [setDraftName]);
  const onImport = useCallback(() => void importDraft(), []);

  if (draft === null) return <><ImportError /><ImportReport /></>;
  const missing = missingFiles(draft.format, draft.files);
  return (
    <div className="import-form">
      <ul className="file-list" data-testid="import-files">
        {draft.files.map((f) => (
          <li key={`${f.name}:${f.size}`}>
            <span className="file-name">{f.name}</span>
            <span className="muted">{formatBytes(f.size)}</span>
          </li>
        ))}
      </ul>
      <div className="form-row">
        <label className="field">
          <span>Format</span>
          <select data-testid="import-format" value={draft.format} onChange={onFormat} disabled={importing}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>{f.label}</option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Name</span>
          <input data-testid="import-name" type="text" value={draft.name} onChange={onName} disabled={importing} maxLength={120} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={clearDraft} disabled={importing}>Clear</button>
          <button type="button" className="btn btn-primary" data-testid="import-submit" onClick={onImport} disabled={importing || draft.previewing || draft.name.trim() === '' || missing.length > 0 || (needsMapping(draft.format) && draft.previews === null)}>
            {importing ? 'Importing…' : 'Import'}
          </button>
        </div>
      </div>
      {missing.length === 0 ? null : (
        <p className="import-error-message" role="alert" data-testid="import-missing">This format also needs {missing.join(' and ')}: drop {missing.length === 1 ? 'it' : 'them'} together with the other files.</p>
      )}
      {needsMapping(draft.format) ? <MappingStep draft={draft} disabled={importing} /> : (
        <ImportSettings minInteractions={draft.minInteractions} options={draft.options} mapped={false} ratingMapped={false} onChange={setDraftSettings} disabled={importing} />
      )}
      <ImportProgressBar />
      <ImportError />
    </div>
  );
}
