/**
 * M4 decimation: per pixel column keep the first, lowest, highest and last point, in x order.
 * The polyline through them is pixel-identical to the full line, and costs O(points in view)
 * with at most 4 vertices per column — a million points draw as a few thousand.
 */

/** Vertices to draw (data coordinates), plus the y range they span. */
export interface Decimated {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly count: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** First index i with xs[i] ≥ x (xs ascending over [0, length)). */
export function lowerBound(xs: ArrayLike<number>, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

class Out {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  count = 0;
  yMin = Infinity;
  yMax = -Infinity;

  constructor(capacity: number) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  push(x: number, y: number): void {
    if (!Number.isFinite(y)) return;
    this.xs[this.count] = x;
    this.ys[this.count] = y;
    this.count++;
    if (y < this.yMin) this.yMin = y;
    if (y > this.yMax) this.yMax = y;
  }
}

/** Decimates the points of [x0, x1] (plus one neighbour each side, so lines reach the edges). */
export function decimateM4(xs: ArrayLike<number>, ys: ArrayLike<number>, length: number, x0: number, x1: number, columns: number): Decimated {
  const from = Math.max(0, lowerBound(xs, length, x0) - 1);
  const to = Math.min(length, lowerBound(xs, length, x1) + 1);
  const out = new Out(4 * (columns + 2));
  const scale = columns / Math.max(Number.MIN_VALUE, x1 - x0);
  let i = from;
  while (i < to) {
    const column = Math.floor(((xs[i] as number) - x0) * scale);
    let iMin = i;
    let iMax = i;
    let j = i + 1;
    for (; j < to && Math.floor(((xs[j] as number) - x0) * scale) === column; j++) {
      if ((ys[j] as number) < (ys[iMin] as number)) iMin = j;
      if ((ys[j] as number) > (ys[iMax] as number)) iMax = j;
    }
    for (const k of orderedUnique(i, iMin, iMax, j - 1)) out.push(xs[k] as number, ys[k] as number);
    i = j;
  }
  return { xs: out.xs, ys: out.ys, count: out.count, yMin: out.yMin, yMax: out.yMax };
}

function orderedUnique(a: number, b: number, c: number, d: number): number[] {
  return [...new Set([a, b, c, d])].sort((p, q) => p - q);
}
