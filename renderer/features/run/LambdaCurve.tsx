import { memo, useMemo, type ReactElement } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type DotItemDotProps, type LabelProps } from 'recharts';
import type { ResultTable } from '../../../core/protocol';
import { AXIS_TICK, CHART_MARGIN, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from '../../components/charts/chartStyle';
import { yDomain } from '../../components/charts/canvas/yDomain';

const CHART_STYLE = { width: '100%', height: 236 } as const;
const AXIS_TITLE = { fill: 'var(--text-muted)', fontSize: 11, textAnchor: 'middle' } as const;
const X_TITLE: LabelProps = { ...AXIS_TITLE, value: 'λ', position: 'insideBottom', offset: 0 };
const NDCG_TITLE: LabelProps = { ...AXIS_TITLE, value: 'NDCG@1', angle: -90, position: 'insideLeft' };
const ENTROPY_TITLE: LabelProps = { ...AXIS_TITLE, value: 'entropy (nats)', angle: 90, position: 'insideRight' };
const ENTROPY_DASH = '6 4';

type Shape = 'circle' | 'square' | 'triangle' | 'diamond';

/**
 * One line: colour and marker shape name the scenario; NDCG@1 is solid with hollow markers on the
 * left axis, entropy dashed with small filled ones on the right. Hollow markers of different shapes
 * stay visible when scenarios score the same, where one line would otherwise hide the other.
 */
interface CurveSeries {
  readonly column: string;
  readonly color: string;
  readonly shape: Shape;
  readonly entropy: boolean;
}

const SERIES: readonly CurveSeries[] = [
  { column: 'Valid NDCG@1', color: 'var(--chart-1)', shape: 'circle', entropy: false },
  { column: 'Warm NDCG@1', color: 'var(--chart-2)', shape: 'square', entropy: false },
  { column: 'Cold NDCG@1', color: 'var(--chart-3)', shape: 'triangle', entropy: false },
  // The new items set aside for validation (runs with a cold validation slice; empty otherwise).
  { column: 'Cold valid NDCG@1', color: 'var(--chart-4)', shape: 'diamond', entropy: false },
  { column: 'Warm entropy', color: 'var(--chart-2)', shape: 'square', entropy: true },
  { column: 'Cold entropy', color: 'var(--chart-3)', shape: 'triangle', entropy: true },
];

/** SVG path of a marker `size` px across, centred on (cx, cy). */
function markerPath(shape: Shape, cx: number, cy: number, size: number): string {
  const r = size / 2;
  switch (shape) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case 'square':
      return `M${cx - r},${cy - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'triangle':
      return `M${cx},${cy - r * 1.2}L${cx + r * 1.2},${cy + r * 0.9}L${cx - r * 1.2},${cy + r * 0.9}z`;
    case 'diamond':
      return `M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}z`;
  }
}

function Marker({ s, cx, cy }: { readonly s: CurveSeries; readonly cx: number; readonly cy: number }): ReactElement {
  return <path d={markerPath(s.shape, cx, cy, s.entropy ? 5 : 9)} stroke={s.color} strokeWidth={1.5} fill={s.entropy ? s.color : 'none'} />;
}

/** The line's `dot`: its marker at each grid λ (none where the cell is empty). */
function dotOf(s: CurveSeries): (p: DotItemDotProps) => ReactElement | null {
  return function CurveDot(p) {
    return typeof p.cx === 'number' && typeof p.cy === 'number' ? <Marker s={s} cx={p.cx} cy={p.cy} /> : null;
  };
}

const LINES = SERIES.map((s) => ({ ...s, dot: dotOf(s), dash: s.entropy ? { strokeDasharray: ENTROPY_DASH } : {} }));

type Point = Record<string, number>;

/** Rows of the run's λ table as chart points keyed by column name. */
function pointsOf(table: ResultTable): Point[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, typeof row[i] === 'number' ? row[i] : NaN])));
}

/** Whether the table has a number in the column (runs without a cold validation slice leave it empty). */
function hasData(table: ResultTable, column: string): boolean {
  const i = table.columns.indexOf(column);
  return i >= 0 && table.rows.some((row) => typeof row[i] === 'number' && Number.isFinite(row[i]));
}

const formatLambda = (x: number): string => String(Math.round(x * 100) / 100);
const formatValue = (y: number): string => y.toFixed(2);
const formatEntropy = (y: number): string => y.toFixed(3);

/**
 * The entropy axis spans the entropies themselves: they differ by hundredths of a nat, and from 0
 * every entropy line would be flat, its minimum (what entropy guidance looks for) invisible.
 */
function entropyDomain(points: readonly Point[], lines: readonly CurveSeries[]): [number, number] {
  const values = points.flatMap((p) => lines.filter((l) => l.entropy).map((l) => p[l.column] ?? NaN)).filter(Number.isFinite);
  const d = yDomain(Math.min(...values), Math.max(...values));
  return [d.lo, d.hi];
}

/** Swatches drawn like the lines: colour, dash and marker. */
function CurveLegend({ lines }: { readonly lines: readonly CurveSeries[] }): ReactElement {
  return (
    <ul className="chart-legend" data-testid="lambda-legend">
      {lines.map((s) => (
        <li key={s.column} data-dashed={s.entropy}>
          <svg className="legend-line" width={28} height={12} aria-hidden="true">
            <line x1={1} y1={6} x2={27} y2={6} stroke={s.color} strokeWidth={2} strokeDasharray={s.entropy ? ENTROPY_DASH : undefined} />
            <Marker s={s} cx={14} cy={6} />
          </svg>
          {s.column}
        </li>
      ))}
    </ul>
  );
}

/**
 * NDCG@1 (validation, warm, cold, cold validation; left axis) and each scenario's unlabeled-prompt
 * entropy (right axis, dashed, same colour and marker as its NDCG) against λ, from the run's grid —
 * where an entropy minimum falls next to its scenario's best λ is the point of entropy guidance.
 * The slider's λ is marked.
 */
export const LambdaCurve = memo(function LambdaCurve({ table, lambda }: { readonly table: ResultTable; readonly lambda: number }): ReactElement {
  const points = useMemo(() => pointsOf(table), [table]);
  const ticks = useMemo(() => points.map((p) => p['λ'] ?? 0), [points]);
  const lines = useMemo(() => LINES.filter((l) => hasData(table, l.column)), [table]);
  const entropy = lines.some((l) => l.entropy);
  const entropyRange = useMemo(() => entropyDomain(points, lines), [points, lines]);
  return (
    <div className="chart-card" data-testid="lambda-curve" data-points={points.length}>
      <CurveLegend lines={lines} />
      <LineChart data={points} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
        <XAxis dataKey="λ" type="number" domain={[0, 1]} ticks={ticks} tick={AXIS_TICK} stroke="var(--border)" tickFormatter={formatLambda} height={36} label={X_TITLE} />
        <YAxis yAxisId="ndcg" tick={AXIS_TICK} stroke="var(--border)" width={56} tickFormatter={formatValue} label={NDCG_TITLE} />
        {entropy ? <YAxis yAxisId="entropy" orientation="right" domain={entropyRange} tick={AXIS_TICK} stroke="var(--border)" width={56} tickFormatter={formatEntropy} label={ENTROPY_TITLE} /> : null}
        <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL_STYLE} labelFormatter={(x) => `λ ${Number(x).toFixed(2)}`} formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} />
        {lines.map((l) => (
          <Line key={l.column} yAxisId={l.entropy ? 'entropy' : 'ndcg'} dataKey={l.column} stroke={l.color} strokeWidth={l.entropy ? 1.5 : 2} {...l.dash} dot={l.dot} isAnimationActive={false} />
        ))}
        {/* Drawn over the axis line when λ is 0 or 1, so it keeps its own colour and weight. */}
        <ReferenceLine yAxisId="ndcg" x={lambda} stroke="var(--text)" strokeWidth={1.5} />
      </LineChart>
    </div>
  );
});
