import { memo, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from './chartStyle';

/** One bar of a BarCard: its label (tooltip, and axis unless `tick` is given) and value. */
export interface Bar {
  readonly label: string;
  /** A short axis label; when every bar has one, every bar's tick is drawn. */
  readonly tick?: string;
  readonly value: number;
}

interface BarCardProps {
  readonly testId: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly fill: string;
  readonly formatValue: (value: number) => string;
}

const CHART_STYLE = { width: '100%', height: 180 } as const;

/** A card with a static bar chart (histograms of the dataset profile). */
export const BarCard = memo(function BarCard({ testId, title, bars, fill, formatValue }: BarCardProps): ReactElement {
  const tooltipValue = (value: unknown): string => (typeof value === 'number' ? formatValue(value) : String(value));
  const ticks = new Map(bars.map((b) => [b.label, b.tick ?? b.label]));
  const everyTick = bars.every((b) => b.tick !== undefined);
  return (
    <div className="panel chart-card" data-testid={testId} data-bars={bars.length}>
      <div className="chart-head"><span className="panel-title">{title}</span></div>
      {bars.length === 0 ? <div className="chart-empty">No data</div> : (
        <BarChart data={bars as Bar[]} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" interval={everyTick ? 0 : 'preserveStartEnd'} tickFormatter={(label: string) => ticks.get(label) ?? label} />
          <YAxis tick={AXIS_TICK} stroke="var(--border)" tickFormatter={formatValue} width={56} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL_STYLE} formatter={tooltipValue} />
          <Bar dataKey="value" fill={fill} isAnimationActive={false} />
        </BarChart>
      )}
    </div>
  );
});
