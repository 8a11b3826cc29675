import { memo, type ReactElement } from 'react';
import type { TrainPoint } from '../../../core/protocol';
import { SeriesChart } from '../../components/charts/SeriesChart';
import { formatCompact } from '../../lib/format';
import { useStore } from '../../store';

const LOSS_KEY = 'loss';
const NO_POINTS: readonly TrainPoint[] = [];

function formatLoss(value: number): string {
  return value.toFixed(4);
}

/** Training loss vs step of one run. */
export const LossChart = memo(function LossChart({ runId }: { readonly runId: string }): ReactElement {
  const points = useStore((s) => s.series[runId]?.points ?? NO_POINTS);
  return <SeriesChart testId="loss-chart" title="Loss" points={points} yKey={LOSS_KEY} stroke="var(--chart-1)" formatY={formatLoss} formatTick={formatCompact} />;
});
