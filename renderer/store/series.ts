import type { TrainPoint } from '../../core/protocol';

/** Most points a series keeps; beyond this it is thinned to every n-th point plus the latest. */
export const SERIES_CAP = 5000;

/**
 * A bounded training series. `points` holds every `stride`-th accepted point (by arrival order), and,
 * when `tailExtra` is set, the latest point appended after them so the chart always reaches "now".
 */
export interface Series {
  readonly points: readonly TrainPoint[];
  /** Keep one accepted point out of `stride`; doubles each time the series is thinned. */
  readonly stride: number;
  /** Points accepted so far (before thinning). */
  readonly seen: number;
  /** The last element of `points` is the latest point, kept although it is off-stride. */
  readonly tailExtra: boolean;
  /** Highest step accepted; older or repeated steps are ignored (replays after a reconnect). */
  readonly lastStep: number;
}

export const EMPTY_SERIES: Series = {
  points: [],
  stride: 1,
  seen: 0,
  tailExtra: false,
  lastStep: Number.NEGATIVE_INFINITY,
};

function everyOther<T>(items: readonly T[]): T[] {
  return items.filter((_, i) => i % 2 === 0);
}

/** Appends new points (ignoring steps already seen) and thins the series so it never exceeds `cap`. */
export function appendPoints(series: Series, incoming: readonly TrainPoint[], cap: number = SERIES_CAP): Series {
  const kept = series.tailExtra ? series.points.slice(0, -1) : series.points.slice();
  let { stride, seen, lastStep } = series;
  let latest: TrainPoint | null = null;
  for (const point of incoming) {
    if (!(point.step > lastStep)) continue;
    if (seen % stride === 0) kept.push(point);
    seen += 1;
    lastStep = point.step;
    latest = point;
  }
  if (latest === null) return series;
  let thinned = kept;
  // Leave room for the off-stride latest point so the total stays within the cap.
  while (thinned.length > Math.max(1, cap - 1)) {
    thinned = everyOther(thinned);
    stride *= 2;
  }
  const tailExtra = thinned[thinned.length - 1] !== latest;
  const points = tailExtra ? [...thinned, latest] : thinned;
  return { points, stride, seen, tailExtra, lastStep };
}

/** Builds a series from a full snapshot (e.g. runs.get). */
export function seriesFrom(points: readonly TrainPoint[], cap: number = SERIES_CAP): Series {
  return appendPoints(EMPTY_SERIES, points, cap);
}
