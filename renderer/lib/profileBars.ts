/** Turns a DatasetProfile into the bars and points its charts draw. */
import type { DatasetProfile } from '../../core/protocol';
import type { Bar } from '../components/charts/BarCard';

/** Timestamps above this are milliseconds (1e11 s is year 5138; 1e11 ms is 1973). */
const MS_THRESHOLD = 1e11;
/** Below this, timestamps are not Unix times (synthetic step counters, ordinal days). */
const UNIX_THRESHOLD = 1e8;

/**
 * "1", "2–3", "4–7", … for the log-spaced history-length bins; the axis shows each bin's start
 * ("512", not "512–1023"), short enough that every bin keeps its label.
 */
export function historyBars(p: DatasetProfile): Bar[] {
  return p.historyLengths.map((b) => ({ label: b.hi - b.lo === 1 ? String(b.lo) : `${b.lo}–${b.hi - 1}`, tick: String(b.lo), value: b.count }));
}

/** A timestamp as "2019-03" when it looks like Unix time, else the number itself. */
export function formatTimestamp(ts: number): string {
  if (Math.abs(ts) < UNIX_THRESHOLD) return String(Math.round(ts));
  const ms = Math.abs(ts) >= MS_THRESHOLD ? ts : ts * 1000;
  return new Date(ms).toISOString().slice(0, 7);
}

/** Interactions per equal-width time bin, labelled by the bin start. */
export function timeBars(p: DatasetProfile): Bar[] {
  return p.timeHistogram.map((b) => ({ label: formatTimestamp(b.start), value: b.count }));
}

/** Long-tail curve points in percent, for a line chart. */
export function longTailPoints(p: DatasetProfile): { items: number; interactions: number }[] {
  return p.longTail.map((q) => ({ items: q.itemShare * 100, interactions: q.interactionShare * 100 }));
}
