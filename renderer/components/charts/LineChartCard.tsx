import { memo, type ReactElement } from 'react';
import type { ChartMark } from './canvas/draw';
import { LineCanvas, type LineSeries } from './canvas/LineCanvas';

interface LineChartCardProps {
  readonly testId: string;
  readonly title: string;
  readonly series: readonly (LineSeries & { readonly label?: string })[];
  /** Shown in the card head, e.g. the latest value. */
  readonly headline: string;
  /** `step` is the spacing of the axis ticks (absent for other values). */
  readonly formatY: (y: number, step?: number) => string;
  readonly emptyText?: string;
  readonly markers?: readonly ChartMark[] | undefined;
}

const HEIGHT = 220;

function formatStep(x: number): string {
  return Math.abs(x) >= 10_000 ? `${(x / 1000).toFixed(0)}k` : String(Math.round(x));
}

/** A card with a pannable, zoomable canvas line chart over training steps (one or more series). */
export const LineChartCard = memo(function LineChartCard({ testId, title, series, headline, formatY, emptyText, markers }: LineChartCardProps): ReactElement {
  const points = series.reduce((n, s) => n + s.length, 0);
  const legend = series.length > 1;
  return (
    <div className="panel chart-card" data-testid={testId} data-points={points} data-series={series.length} data-markers={markers?.map((m) => m.label).join('|')}>
      <div className="chart-head">
        <span className="panel-title">{title}</span>
        <span className="chart-latest">{headline}</span>
      </div>
      {legend ? (
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.id}><span className="legend-swatch" style={{ background: s.color }} />{s.label ?? s.id}</li>
          ))}
        </ul>
      ) : null}
      {points === 0 ? <div className="chart-empty">{emptyText ?? 'Waiting for the first steps…'}</div> : (
        <LineCanvas series={series} height={HEIGHT} formatX={formatStep} formatY={formatY} label={title} markers={markers} />
      )}
    </div>
  );
});
