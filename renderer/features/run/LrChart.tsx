import { memo, useMemo, type ReactElement } from 'react';
import { LineChartCard } from '../../components/charts/LineChartCard';
import { formatCompact } from '../../lib/format';
import { useStore } from '../../store';
import { EMPTY_SERIES, lastPoint } from '../../store/series';
import { useRunMarkers } from './useRunMarkers';

/** Learning-rate schedule vs step of one run. */
export const LrChart = memo(function LrChart({ runId }: { readonly runId: string }): ReactElement {
  const s = useStore((st) => st.series[runId] ?? EMPTY_SERIES);
  const series = useMemo(() => [{ id: runId, color: 'var(--chart-2)', xs: s.step, ys: s.lr, length: s.length }], [runId, s]);
  const last = lastPoint(s);
  const markers = useRunMarkers(runId);
  return <LineChartCard testId="lr-chart" title="Learning rate" series={series} headline={last ? formatCompact(last.lr) : '—'} formatY={formatCompact} markers={markers} />;
});
