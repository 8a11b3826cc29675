import { memo, type ReactElement } from 'react';
import type { TrainPoint } from '../../../core/protocol';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { formatCompact } from '../../lib/format';
import { useStore } from '../../store';

const LR_KEY = 'lr';
const NO_POINTS: readonly TrainPoint[] = [];

/** Learning-rate schedule vs step of one run. */
export const LrChart = memo(function LrChart({ runId }: { readonly runId: string }): ReactElement {
  const points = useStore((s) => s.series[runId]?.points ?? NO_POINTS);
  return <SeriesChart testId="lr-chart" title="Learning rate" points={points} yKey={LR_KEY} stroke="var(--chart-2)" formatY={formatCompact} />;
});
