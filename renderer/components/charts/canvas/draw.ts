/** Paints a multi-series line chart on a 2D canvas: grid, axis labels, M4-decimated lines. */
import { decimateM4, type Decimated } from './decimate';
import { layoutMarkerLabels, type PlacedLabel } from './markerLabels';
import { niceTicks, tickStep, type XWindow } from './viewport';
import { yDomain, type YDomain } from './yDomain';

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
  /** `step` is the spacing of the axis ticks, so a formatter can show just the digits that tell them apart. */
  readonly formatY: (y: number, step?: number) => string;
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

const Y_TICKS = 4;
const MARKER_FONT = '10px system-ui, sans-serif';
/** Height of one row of marker labels, and the most rows they may take. */
const MARKER_ROW = 12;
const MARKER_ROWS = 4;

function yRange(parts: readonly Decimated[]): YDomain {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of parts) {
    lo = Math.min(lo, d.yMin);
    hi = Math.max(hi, d.yMax);
  }
  return yDomain(lo, hi);
}

function drawAxes(ctx: CanvasRenderingContext2D, o: DrawOptions, y: YDomain, toX: (x: number) => number, toY: (v: number) => number): void {
  ctx.strokeStyle = o.colors.grid;
  ctx.fillStyle = o.colors.text;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.setLineDash([3, 3]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const step = tickStep(y.lo, y.hi, Y_TICKS);
  for (const t of niceTicks(y.lo, y.hi, Y_TICKS)) {
    const py = Math.round(toY(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(PAD.left, py);
    ctx.lineTo(o.width - PAD.right, py);
    ctx.stroke();
    ctx.fillText(o.formatY(t, step), PAD.left - 6, py);
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

/** Marker labels share at most a third of the plot's height with the lines. */
function markerRows(plotH: number): number {
  return Math.max(1, Math.min(MARKER_ROWS, Math.floor(plotH / 3 / MARKER_ROW)));
}

/** Pixel y of the top of a row of marker labels. */
function markerRowTop(row: number): number {
  return PAD.top + 2 + row * MARKER_ROW;
}

function drawMarkerLine(ctx: CanvasRenderingContext2D, o: DrawOptions, m: ChartMark, px: number): void {
  ctx.globalAlpha = m.strong ? 0.8 : 0.5;
  ctx.setLineDash(m.strong ? [] : [4, 3]);
  ctx.beginPath();
  ctx.moveTo(px, PAD.top);
  ctx.lineTo(px, o.height - PAD.bottom);
  ctx.stroke();
}

/** Draws the markers in view; returns where their labels went (for tooltips with the full text). */
function drawMarkers(ctx: CanvasRenderingContext2D, o: DrawOptions, toX: (x: number) => number, plotH: number): PlacedLabel[] {
  const marks = (o.markers ?? []).filter((m) => m.x >= o.window.x0 && m.x <= o.window.x1);
  ctx.strokeStyle = o.colors.text;
  ctx.fillStyle = o.colors.text;
  ctx.font = MARKER_FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const pxs = marks.map((m) => Math.round(toX(m.x)) + 0.5);
  marks.forEach((m, i) => drawMarkerLine(ctx, o, m, pxs[i] as number));
  const area = { left: PAD.left, right: o.width - PAD.right, rows: markerRows(plotH) };
  const labels = layoutMarkerLabels(marks.map((m, i) => ({ px: pxs[i] as number, text: m.label })), (t) => ctx.measureText(t).width, area);
  for (const l of labels) {
    ctx.globalAlpha = marks[l.index]?.strong ? 0.8 : 0.5;
    if (l.shown !== '') ctx.fillText(l.shown, l.left, markerRowTop(l.row));
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  return labels;
}

/**
 * The full text of the marker label at (x, y), or null. An elided or hidden label still answers
 * on a few pixels right of its line, so every label can be read in a tooltip.
 */
export function markerLabelAt(labels: readonly PlacedLabel[], x: number, y: number): string | null {
  const hit = labels.find((l) => {
    const top = markerRowTop(l.row);
    return y >= top && y < top + MARKER_ROW && x >= l.left && x <= l.left + Math.max(l.width, 8);
  });
  return hit?.text ?? null;
}

/** Clears and paints the whole chart; returns where the marker labels went. */
export function drawChart(ctx: CanvasRenderingContext2D, o: DrawOptions): PlacedLabel[] {
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
  const labels = drawMarkers(ctx, o, toX, plotH);
  ctx.restore();
  return labels;
}
