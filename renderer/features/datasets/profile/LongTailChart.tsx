import { memo, type ReactElement } from 'react';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DatasetProfile } from '../../../../core/protocol';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../../../components/charts/chartStyle';
import { longTailPoints } from '../../../lib/profileBars';

const CHART_STYLE = { width: '100%', height: 180 } as const;
const PERCENT_DOMAIN = [0, 100] as const;

function percent(v: unknown): string {
  return typeof v === 'number' ? `${v.toFixed(0)} %` : String(v);
}

function topItemsLabel(v: unknown): string {
  return `top ${percent(v)} of items`;
}

/** Cumulative share of interactions held by the most popular items (the long tail). */
export const LongTailChart = memo(function LongTailChart({ profile }: { readonly profile: DatasetProfile }): ReactElement {
  const points = longTailPoints(profile);
  return (
    <div className="panel chart-card" data-testid="profile-long-tail" data-points={points.length}>
      <div className="chart-head">
        <span className="panel-title">Item popularity (long tail)</span>
        <span className="chart-latest">top 20 % → {percent(profile.popularity.top20 * 100)}</span>
      </div>
      {points.length === 0 ? <div className="chart-empty">No data</div> : (
        <AreaChart data={points} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="items" type="number" domain={PERCENT_DOMAIN} tick={AXIS_TICK} stroke="var(--border)" tickFormatter={percent} />
          <YAxis domain={PERCENT_DOMAIN} tick={AXIS_TICK} stroke="var(--border)" tickFormatter={percent} width={48} />
          <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL_STYLE} labelFormatter={topItemsLabel} formatter={percent} />
          <Area dataKey="interactions" type="monotone" stroke="var(--chart-1)" fill="var(--accent-soft)" isAnimationActive={false} />
        </AreaChart>
      )}
    </div>
  );
});
