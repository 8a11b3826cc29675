import { memo, useMemo, type ReactElement } from 'react';
import { LineChartCard } from '../../components/charts/LineChartCard';
import { formatCompact } from '../../lib/format';
import { useStore } from '../../store';
import { EMPTY_SERIES, lastPoint } from '../../store/series';
import { useRunMarkers } from './useRunMarkers';

function formatLoss(value: number): string {
  return value.toFixed(4);
}

/** Training loss vs step of one run (drag to pan, wheel to zoom, double-click to fit). */
export const LossChart = memo(function LossChart({ runId }: { readonly runId: string }): ReactElement {
  const s = useStore((st) => st.series[runId] ?? EMPTY_SERIES);
  const series = useMemo(() => [{ id: runId, color: 'var(--chart-1)', xs: s.step, ys: s.loss, length: s.length }], [runId, s]);
  const last = lastPoint(s);
  const markers = useRunMarkers(runId);
  return <LineChartCard testId="loss-chart" title="Loss" series={series} headline={last ? formatLoss(last.loss) : '—'} formatY={formatCompact} markers={markers} />;
});
