import { memo, useCallback, useEffect, useRef, type PointerEvent, type ReactElement } from 'react';
import { drawChart, markerLabelAt, PAD, type ChartMark, type DrawSeries } from './draw';
import type { PlacedLabel } from './markerLabels';
import { panWindow, zoomWindow, type XWindow } from './viewport';

/** Name of the performance measure of one chart frame (input or data → pixels). */
export const FRAME_MEASURE = 'recforge:chart-frame';

export interface LineSeries extends Omit<DrawSeries, 'color'> {
  readonly id: string;
  /** A CSS colour or a custom property such as 'var(--chart-1)'. */
  readonly color: string;
}

interface LineCanvasProps {
  readonly series: readonly LineSeries[];
  readonly height: number;
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number, step?: number) => string;
  readonly label: string;
  readonly markers?: readonly ChartMark[] | undefined;
}

const ZOOM_STEP = 0.85;

function dataBounds(series: readonly LineSeries[]): XWindow | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const s of series) {
    if (s.length === 0) continue;
    x0 = Math.min(x0, s.xs[0] as number);
    x1 = Math.max(x1, s.xs[s.length - 1] as number);
  }
  if (!Number.isFinite(x0)) return null;
  return x1 > x0 ? { x0, x1 } : { x0: x0 - 0.5, x1: x0 + 0.5 };
}

function resolveColor(el: Element, color: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(color);
  return m?.[1] ? getComputedStyle(el).getPropertyValue(m[1]).trim() || '#888' : color;
}

/**
 * A canvas line chart for long series: M4 decimation keeps every frame proportional to the pixels,
 * not the points. Drag to pan, wheel to zoom, double-click to fit; while the view is fitted it
 * follows new data. Each frame is recorded as a performance measure (FRAME_MEASURE).
 */
export const LineCanvas = memo(function LineCanvas({ series, height, formatX, formatY, label, markers }: LineCanvasProps): ReactElement {
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<XWindow | null>(null); // null = fit all data
  const drag = useRef<{ x: number } | null>(null);
  const pending = useRef<{ frame: number; since: number } | null>(null);
  const latest = useRef(series);
  latest.current = series;
  const marks = useRef(markers);
  marks.current = markers;
  const labels = useRef<readonly PlacedLabel[]>([]);

  const paint = useCallback((since: number) => {
    pending.current = null;
    const el = canvas.current;
    const bounds = dataBounds(latest.current);
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const width = el.clientWidth;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * dpr)) el.width = Math.round(width * dpr);
    if (el.height !== Math.round(height * dpr)) el.height = Math.round(height * dpr);
    if (!bounds) {
      ctx.clearRect(0, 0, el.width, el.height);
      labels.current = [];
      return;
    }
    const w = view.current ?? bounds;
    const colors = { grid: resolveColor(el, 'var(--grid)'), text: resolveColor(el, 'var(--text-muted)') };
    const drawn = latest.current.map((s) => ({ ...s, color: resolveColor(el, s.color) }));
    labels.current = drawChart(ctx, { width, height, dpr, window: w, series: drawn, colors, formatX, formatY, ...(marks.current ? { markers: marks.current } : {}) });
    el.dataset['viewX0'] = String(w.x0);
    el.dataset['viewX1'] = String(w.x1);
    performance.measure(FRAME_MEASURE, { start: since, end: performance.now() });
  }, [height, formatX, formatY]);

  const schedule = useCallback(() => {
    if (pending.current) return;
    const since = performance.now();
    pending.current = { since, frame: requestAnimationFrame(() => paint(since)) };
  }, [paint]);

  useEffect(() => { schedule(); }, [series, markers, schedule]);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => schedule());
    observer.observe(el);
    // Native and non-passive: a zooming wheel must not also scroll the page.
    const onWheel = (e: globalThis.WheelEvent): void => {
      const bounds = dataBounds(latest.current);
      if (!bounds) return;
      e.preventDefault();
      const plotW = Math.max(1, el.clientWidth - PAD.left - PAD.right);
      const anchor = Math.min(1, Math.max(0, (e.clientX - el.getBoundingClientRect().left - PAD.left) / plotW));
      view.current = zoomWindow(view.current ?? bounds, e.deltaY > 0 ? 1 / ZOOM_STEP : ZOOM_STEP, anchor, bounds, (bounds.x1 - bounds.x0) / 1e6);
      schedule();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('wheel', onWheel);
      observer.disconnect();
      if (pending.current) cancelAnimationFrame(pending.current.frame);
      pending.current = null; // else schedule() would wait for a frame that never comes (a remount, React's StrictMode)
    };
  }, [schedule]);

  const plotWidth = (): number => Math.max(1, (canvas.current?.clientWidth ?? 1) - PAD.left - PAD.right);
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX };
  };
  // A marker label may be elided to fit; hovering it shows the whole text.
  const showLabelTitle = (e: PointerEvent<HTMLCanvasElement>): void => {
    const box = e.currentTarget.getBoundingClientRect();
    e.currentTarget.title = markerLabelAt(labels.current, e.clientX - box.left, e.clientY - box.top) ?? '';
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!drag.current) {
      showLabelTitle(e);
      return;
    }
    const bounds = dataBounds(latest.current);
    if (!bounds) return;
    view.current = panWindow(view.current ?? bounds, e.clientX - drag.current.x, plotWidth(), bounds);
    drag.current = { x: e.clientX };
    schedule();
  };
  const onPointerUp = (): void => { drag.current = null; };
  const onDoubleClick = (): void => { view.current = null; schedule(); };

  return (
    <canvas
      ref={canvas}
      className="line-canvas"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid="line-canvas"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onDoubleClick}
    />
  );
});
