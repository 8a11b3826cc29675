/** Paints a multi-series line chart on a 2D canvas: grid, axis labels, M4-decimated lines. */
import { decimateM4, type Decimated } from './decimate';
import { niceTicks, type XWindow } from './viewport';

export interface DrawSeries {
  readonly color: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly length: number;
}

export interface ChartColors {
  readonly grid: string;
  readonly text: string;
}

export interface DrawOptions {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly window: XWindow;
  readonly series: readonly DrawSeries[];
  readonly colors: ChartColors;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  /** Vertical lines at x with a label at the top (phase and series boundaries). */
  readonly markers?: readonly ChartMark[];
}

export interface ChartMark {
  readonly x: number;
  readonly label: string;
  /** Solid for a new series, dashed for a phase change within one. */
  readonly strong: boolean;
}

/** Plot area inside the canvas (CSS pixels), leaving room for the axis labels. */
export const PAD = { left: 56, right: 12, top: 8, bottom: 20 } as const;

function yRange(parts: readonly Decimated[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of parts) {
    lo = Math.min(lo, d.yMin);
    hi = Math.max(hi, d.yMax);
  }
  if (!Number.isFinite(lo)) return { lo: 0, hi: 1 };
  const margin = hi > lo ? (hi - lo) * 0.05 : Math.abs(lo) * 0.05 || 1;
  return { lo: lo - margin, hi: hi + margin };
}

function drawAxes(ctx: CanvasRenderingContext2D, o: DrawOptions, y: { lo: number; hi: number }, toX: (x: number) => number, toY: (v: number) => number): void {
  ctx.strokeStyle = o.colors.grid;
  ctx.fillStyle = o.colors.text;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.setLineDash([3, 3]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y.lo, y.hi, 4)) {
    const py = Math.round(toY(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(PAD.left, py);
    ctx.lineTo(o.width - PAD.right, py);
    ctx.stroke();
    ctx.fillText(o.formatY(t), PAD.left - 6, py);
  }
  ctx.setLineDash([]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(o.window.x0, o.window.x1, 6)) ctx.fillText(o.formatX(t), toX(t), o.height - PAD.bottom + 4);
}

function drawLine(ctx: CanvasRenderingContext2D, d: Decimated, color: string, toX: (x: number) => number, toY: (v: number) => number): void {
  if (d.count === 0) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(toX(d.xs[0] as number), toY(d.ys[0] as number));
  for (let i = 1; i < d.count; i++) ctx.lineTo(toX(d.xs[i] as number), toY(d.ys[i] as number));
  ctx.stroke();
}

function drawMarkers(ctx: CanvasRenderingContext2D, o: DrawOptions, toX: (x: number) => number): void {
  ctx.strokeStyle = o.colors.text;
  ctx.fillStyle = o.colors.text;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let lastLabelEnd = -Infinity;
  for (const m of o.markers ?? []) {
    if (m.x < o.window.x0 || m.x > o.window.x1) continue;
    const px = Math.round(toX(m.x)) + 0.5;
    ctx.globalAlpha = m.strong ? 0.8 : 0.5;
    ctx.setLineDash(m.strong ? [] : [4, 3]);
    ctx.beginPath();
    ctx.moveTo(px, PAD.top);
    ctx.lineTo(px, o.height - PAD.bottom);
    ctx.stroke();
    // Labels that would overlap the previous one drop one line.
    const row = px < lastLabelEnd ? 1 : 0;
    ctx.fillText(m.label, px + 3, PAD.top + 2 + row * 12);
    lastLabelEnd = Math.max(lastLabelEnd, px + 3 + ctx.measureText(m.label).width + 4);
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** Clears and paints the whole chart. */
export function drawChart(ctx: CanvasRenderingContext2D, o: DrawOptions): void {
  ctx.setTransform(o.dpr, 0, 0, o.dpr, 0, 0);
  ctx.clearRect(0, 0, o.width, o.height);
  const plotW = Math.max(1, o.width - PAD.left - PAD.right);
  const plotH = Math.max(1, o.height - PAD.top - PAD.bottom);
  const { x0, x1 } = o.window;
  const parts = o.series.map((s) => decimateM4(s.xs, s.ys, s.length, x0, x1, Math.ceil(plotW)));
  const y = yRange(parts);
  const toX = (x: number): number => PAD.left + ((x - x0) / Math.max(Number.MIN_VALUE, x1 - x0)) * plotW;
  const toY = (v: number): number => PAD.top + (1 - (v - y.lo) / (y.hi - y.lo)) * plotH;
  drawAxes(ctx, o, y, toX, toY);
  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, PAD.top, plotW, plotH);
  ctx.clip();
  parts.forEach((d, i) => drawLine(ctx, d, o.series[i]?.color ?? o.colors.text, toX, toY));
  drawMarkers(ctx, o, toX);
  ctx.restore();
}
