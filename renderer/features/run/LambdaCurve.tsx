import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResultTable } from '../../../core/protocol';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../../components/charts/chartStyle';

const CHART_STYLE = { width: '100%', height: 220 } as const;
const METRICS = [
  { column: 'Valid NDCG@1', color: 'var(--chart-1)' },
  { column: 'Warm NDCG@1', color: 'var(--chart-2)' },
  { column: 'Cold NDCG@1', color: 'var(--chart-3)' },
  // The new items set aside for validation (runs with a cold validation slice; empty otherwise).
  { column: 'Cold valid NDCG@1', color: 'var(--chart-4)' },
] as const;

type Point = Record<string, number>;

/** Rows of the run's λ table as chart points keyed by column name. */
function pointsOf(table: ResultTable): Point[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, typeof row[i] === 'number' ? row[i] : NaN])));
}

/**
 * NDCG@1 (validation, warm, cold, cold validation; left axis) and each scenario's unlabeled-prompt entropy (right
 * axis, dashed, same colour as its NDCG) against λ, from the run's grid — where an entropy minimum
 * falls next to its scenario's best λ is the point of entropy guidance. The slider's λ is marked.
 */
export const LambdaCurve = memo(function LambdaCurve({ table, lambda }: { readonly table: ResultTable; readonly lambda: number }): ReactElement {
  const points = useMemo(() => pointsOf(table), [table]);
  return (
    <div className="chart-card" data-testid="lambda-curve" data-points={points.length}>
      <LineChart data={points} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis dataKey="λ" type="number" domain={[0, 1]} ticks={points.map((p) => p['λ'] ?? 0)} tick={AXIS_TICK} stroke="var(--border)" tickFormatter={(x: number) => String(Math.round(x * 100) / 100)} />
        <YAxis yAxisId="ndcg" tick={AXIS_TICK} stroke="var(--border)" width={48} tickFormatter={(y: number) => y.toFixed(2)} />
        <YAxis yAxisId="entropy" orientation="right" tick={AXIS_TICK} stroke="var(--border)" width={48} tickFormatter={(y: number) => y.toFixed(2)} />
        <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL_STYLE} labelFormatter={(x) => `λ ${Number(x).toFixed(2)}`} formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {METRICS.map((m) => (
          <Line key={m.column} yAxisId="ndcg" dataKey={m.column} stroke={m.color} dot={{ r: 2 }} isAnimationActive={false} />
        ))}
        <Line yAxisId="entropy" dataKey="Warm entropy" stroke="var(--chart-2)" strokeDasharray="4 3" dot={{ r: 2 }} isAnimationActive={false} />
        <Line yAxisId="entropy" dataKey="Cold entropy" stroke="var(--chart-3)" strokeDasharray="4 3" dot={{ r: 2 }} isAnimationActive={false} />
        <ReferenceLine yAxisId="ndcg" x={lambda} stroke="var(--text-muted)" />
      </LineChart>
    </div>
  );
});
