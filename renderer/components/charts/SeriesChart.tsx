import { memo, useCallback, type ReactElement } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrainPoint } from '../../../core/protocol';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from './chartStyle';

/** The x axis of every training chart. */
export const STEP_KEY = 'step';

const CHART_STYLE = { width: '100%', height: 220 } as const;
const X_DOMAIN = ['dataMin', 'dataMax'] as const;
const Y_DOMAIN = ['auto', 'auto'] as const;

function stepLabel(step: unknown): string {
  return `step ${String(step)}`;
}

interface SeriesChartProps {
  readonly testId: string;
  readonly title: string;
  readonly points: readonly TrainPoint[];
  readonly yKey: 'loss' | 'lr';
  readonly stroke: string;
  /** Latest value and tooltip. */
  readonly formatY: (value: number) => string;
  /** Y-axis ticks (defaults to formatY). */
  readonly formatTick?: (value: number) => string;
}

/** A card holding one streaming line chart (no animation; data is bounded by the store). */
export const SeriesChart = memo(function SeriesChart({ testId, title, points, yKey, stroke, formatY, formatTick }: SeriesChartProps): ReactElement {
  const last = points[points.length - 1];
  const tooltipValue = useCallback((value: unknown) => (typeof value === 'number' ? formatY(value) : String(value)), [formatY]);
  return (
    <div className="panel chart-card" data-testid={testId} data-points={points.length}>
      <div className="chart-head">
        <span className="panel-title">{title}</span>
        <span className="chart-latest">{last === undefined ? '—' : formatY(last[yKey])}</span>
      </div>
      {points.length === 0 ? (
        <div className="chart-empty">Waiting for the first steps…</div>
      ) : (
        <LineChart data={points} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={STEP_KEY} type="number" domain={X_DOMAIN} tick={AXIS_TICK} stroke="var(--border)" allowDecimals={false} />
          <YAxis domain={Y_DOMAIN} tick={AXIS_TICK} stroke="var(--border)" tickFormatter={formatTick ?? formatY} width={56} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL_STYLE} labelFormatter={stepLabel} formatter={tooltipValue} />
          <Line dataKey={yKey} type="linear" stroke={stroke} strokeWidth={1.75} dot={false} isAnimationActive={false} />
        </LineChart>
      )}
    </div>
  );
});
