/**
 * A run's training series in the renderer: growable typed-array columns, so a million points
 * cost 32 MB instead of a million objects, and charts read them without copying. Appends write
 * past the current length of shared buffers (earlier snapshots never read there) and grow by
 * doubling, so a live run's updates are amortised O(new points).
 */
import type { SeriesColumns, TrainPoint } from '../../core/protocol';

export interface Series {
  readonly step: Float64Array;
  readonly epoch: Float64Array;
  readonly loss: Float64Array;
  readonly lr: Float64Array;
  /** Points in use (the arrays may be longer). */
  readonly length: number;
  /** Highest step accepted; older or repeated steps are ignored (replays after a reconnect). */
  readonly lastStep: number;
}

const COLUMNS = ['step', 'epoch', 'loss', 'lr'] as const;

export const EMPTY_SERIES: Series = {
  step: new Float64Array(0), epoch: new Float64Array(0), loss: new Float64Array(0), lr: new Float64Array(0),
  length: 0, lastStep: Number.NEGATIVE_INFINITY,
};

function withCapacity(s: Series, needed: number): Series {
  if (s.step.length >= needed) return s;
  const capacity = Math.max(needed, 2 * s.step.length, 256);
  const grown = { ...s };
  for (const c of COLUMNS) {
    const next = new Float64Array(capacity);
    next.set(s[c].subarray(0, s.length));
    grown[c] = next;
  }
  return grown;
}

/** Appends points with steps above lastStep; returns the same object when nothing is new. */
export function appendPoints(series: Series, incoming: readonly TrainPoint[]): Series {
  let top = series.lastStep;
  const fresh = incoming.filter((p) => {
    if (!(p.step > top)) return false;
    top = p.step;
    return true;
  });
  if (fresh.length === 0) return series;
  const s = withCapacity(series, series.length + fresh.length);
  fresh.forEach((p, k) => {
    const i = series.length + k;
    s.step[i] = p.step;
    s.epoch[i] = p.epoch;
    s.loss[i] = p.loss;
    s.lr[i] = p.lr;
  });
  return { ...s, length: series.length + fresh.length, lastStep: (fresh.at(-1) as TrainPoint).step };
}

/** Builds a series from the columns of a runs.get snapshot. */
export function seriesFromColumns(cols: SeriesColumns): Series {
  const n = cols.step.length;
  const s = withCapacity(EMPTY_SERIES, n);
  for (const c of COLUMNS) s[c].set(cols[c]);
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) last = Math.max(last, s.step[i] as number);
  return { ...s, length: n, lastStep: last };
}

/** The newest point, if any. */
export function lastPoint(s: Series): TrainPoint | undefined {
  const i = s.length - 1;
  if (i < 0) return undefined;
  return { step: s.step[i] as number, epoch: s.epoch[i] as number, loss: s.loss[i] as number, lr: s.lr[i] as number };
}

/** Points of `s` (from index `from`), e.g. to re-append live points onto a fresh snapshot. */
export function pointsOf(s: Series, from = 0): TrainPoint[] {
  const out: TrainPoint[] = [];
  for (let i = from; i < s.length; i++) out.push({ step: s.step[i] as number, epoch: s.epoch[i] as number, loss: s.loss[i] as number, lr: s.lr[i] as number });
  return out;
}
