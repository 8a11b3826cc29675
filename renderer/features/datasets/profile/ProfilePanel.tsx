import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import type { ApiError, DatasetProfile } from '../../../../core/protocol';
import { BarCard } from '../../../components/charts/BarCard';
import { invoke, toApiError } from '../../../ipc/invoke';
import { formatInt, formatShare } from '../../../lib/format';
import { formatTimestamp, historyBars, timeBars } from '../../../lib/profileBars';
import { LongTailChart } from './LongTailChart';

type Load = { state: 'loading' } | { state: 'ready'; profile: DatasetProfile } | { state: 'error'; error: ApiError };

function Fact({ label, value, testId }: { readonly label: string; readonly value: ReactNode; readonly testId: string }): ReactElement {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function ProfileFacts({ p }: { readonly p: DatasetProfile }): ReactElement {
  // A narrow card breaks the range at its arrow, never inside a date ("1998-" / "04").
  const unbroken = (text: string): ReactElement => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
  const range = p.timeRange ? <>{unbroken(formatTimestamp(p.timeRange.min))} → {unbroken(formatTimestamp(p.timeRange.max))}</> : '—';
  return (
    <dl className="stats">
      <Fact label="Density" value={formatShare(p.density)} testId="profile-density" />
      <Fact label="Gini (items)" value={p.popularity.gini.toFixed(3)} testId="profile-gini" />
      <Fact label="Time range" value={range} testId="profile-time-range" />
      <Fact label="Duplicate pairs" value={formatInt(p.duplicatePairs)} testId="profile-duplicates" />
      <Fact label="Items without title" value={formatInt(p.itemsMissingTitle)} testId="profile-missing-text" />
      {p.domains.map((d) => (
        <Fact key={d.domain} label={`Domain ${d.domain}`} value={`${formatInt(d.items)} items · ${formatInt(d.interactions)}`} testId="profile-domain" />
      ))}
    </dl>
  );
}

/** The profile of one stored dataset: facts and three charts, loaded when the panel opens. */
export function ProfilePanel({ datasetId }: { readonly datasetId: string }): ReactElement {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    invoke('datasets.profile', { datasetId }).then(
      (profile) => live && setLoad({ state: 'ready', profile }),
      (error: unknown) => live && setLoad({ state: 'error', error: toApiError(error) }),
    );
    return () => { live = false; };
  }, [datasetId]);
  if (load.state === 'loading') return <div className="muted small" data-testid="profile-loading">Profiling…</div>;
  if (load.state === 'error') return <div className="error-text" data-testid="profile-error">{load.error.message}</div>;
  const p = load.profile;
  return (
    <div className="profile" data-testid="dataset-profile">
      <ProfileFacts p={p} />
      <div className="chart-grid profile-charts">
        <BarCard testId="profile-history" title="Users by history length" bars={historyBars(p)} fill="var(--chart-1)" formatValue={formatInt} />
        <LongTailChart profile={p} />
        <BarCard testId="profile-time" title="Interactions over time" bars={timeBars(p)} fill="var(--chart-2)" formatValue={formatInt} />
      </div>
    </div>
  );
}
