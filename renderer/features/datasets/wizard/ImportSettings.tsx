import { memo, type ChangeEvent, type ReactElement } from 'react';
import type { DedupePolicy, ImportOptions } from '../../../../core/protocol';

interface ImportSettingsProps {
  readonly minInteractions: number;
  readonly options: ImportOptions;
  /** Mapped tables support every option; named formats only the k-core. */
  readonly mapped: boolean;
  readonly ratingMapped: boolean;
  readonly onChange: (settings: { minInteractions?: number; options?: ImportOptions }) => void;
  readonly disabled: boolean;
}

function positiveInt(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Preprocessing at import (each step lands in the dataset's lineage) and what to do with bad rows. */
export const ImportSettings = memo(function ImportSettings({ minInteractions, options, mapped, ratingMapped, onChange, disabled }: ImportSettingsProps): ReactElement {
  /** Applies a patch; an undefined value clears that option. */
  const set = (patch: { [K in keyof ImportOptions]?: ImportOptions[K] | undefined }): void => {
    const next: Record<string, unknown> = { ...options, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange({ options: next as ImportOptions });
  };
  const threshold = options.ratingThreshold;
  return (
    <fieldset className="field-group" disabled={disabled}>
      <legend>Preprocessing</legend>
      <label className="field" title="Drop users and items with fewer interactions, repeatedly, until none is left">
        <span>k-core (min interactions)</span>
        <input type="number" min={1} data-testid="import-kcore" value={minInteractions} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange({ minInteractions: positiveInt(e.target.value) ?? 1 })} />
      </label>
      {mapped ? (
        <>
          <label className="field">
            <span>Repeated (user, item)</span>
            <select data-testid="import-dedupe" value={options.dedupe ?? 'keep-all'} onChange={(e) => set({ dedupe: e.target.value as DedupePolicy })}>
              <option value="keep-all">keep all</option>
              <option value="keep-first">keep first</option>
              <option value="keep-last">keep last</option>
            </select>
          </label>
          <label className="field" title="Keep the most recent interactions of each user">
            <span>Max history</span>
            <input type="number" min={1} placeholder="all" data-testid="import-max-history" value={options.maxHistory ?? ''} onChange={(e) => set({ maxHistory: positiveInt(e.target.value) })} />
          </label>
          {ratingMapped ? (
            <label className="field" title="Rows with a lower rating are dropped (filter) or get label 0 (label)">
              <span>Rating ≥</span>
              <input type="number" placeholder="off" data-testid="import-rating-min" value={threshold?.min ?? ''} onChange={(e) => set({ ratingThreshold: e.target.value === '' ? undefined : { min: Number(e.target.value), mode: threshold?.mode ?? 'filter' } })} />
              <select value={threshold?.mode ?? 'filter'} disabled={!threshold} onChange={(e) => threshold && set({ ratingThreshold: { ...threshold, mode: e.target.value as 'filter' | 'label' } })}>
                <option value="filter">filter</option>
                <option value="label">as label</option>
              </select>
            </label>
          ) : null}
          <label className="field" title="Fail: nothing is imported. Skip: bad rows are left out and listed.">
            <span>Bad rows</span>
            <select data-testid="import-on-error" value={options.onError ?? 'fail'} onChange={(e) => set({ onError: e.target.value as 'fail' | 'skip' })}>
              <option value="fail">fail the import</option>
              <option value="skip">skip and report</option>
            </select>
          </label>
        </>
      ) : null}
    </fieldset>
  );
});
