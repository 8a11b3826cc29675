/** The visible x range of a chart and how panning and zooming move it (pure). */

export interface XWindow {
  readonly x0: number;
  readonly x1: number;
}

/** Pans by a pixel distance (positive = content moves right, i.e. the window moves left), clamped to bounds. */
export function panWindow(w: XWindow, dxPixels: number, widthPx: number, bounds: XWindow): XWindow {
  const span = w.x1 - w.x0;
  const shift = (-dxPixels / Math.max(1, widthPx)) * span;
  return clampInto({ x0: w.x0 + shift, x1: w.x1 + shift }, bounds);
}

/**
 * Zooms by `factor` (< 1 zooms in) keeping the x under the cursor (at `anchor` ∈ [0, 1] of the
 * width) in place; the span stays between `minSpan` and the bounds.
 */
export function zoomWindow(w: XWindow, factor: number, anchor: number, bounds: XWindow, minSpan: number): XWindow {
  const full = bounds.x1 - bounds.x0;
  const span = Math.min(full, Math.max(minSpan, (w.x1 - w.x0) * factor));
  const at = w.x0 + anchor * (w.x1 - w.x0);
  return clampInto({ x0: at - anchor * span, x1: at - anchor * span + span }, bounds);
}

/** Shifts a window (keeping its span) so it lies inside bounds. */
export function clampInto(w: XWindow, bounds: XWindow): XWindow {
  const span = Math.min(w.x1 - w.x0, bounds.x1 - bounds.x0);
  const x0 = Math.min(Math.max(w.x0, bounds.x0), bounds.x1 - span);
  return { x0, x1: x0 + span };
}

/** The round step (1, 2, 5 × 10^k) that cuts [lo, hi] into about `count` parts. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  // 10 ** -5 is 9.999…e-6 in floating point; rounding keeps the step's decimal exponent true.
  return Number(((norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag).toPrecision(12));
}

/** About `count` round tick values (1, 2, 5 × 10^k steps) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : [];
  const step = tickStep(lo, hi, count);
  const ticks: number[] = [];
  // Whole multiples of the step, not a running sum: no error builds up, and 0 stays exactly 0.
  // Both ends allow for rounding (-0.3 / 0.1 is -2.9999999999999996).
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
