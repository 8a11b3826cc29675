/**
 * Appends progress points to a run's series. A resumed run replays from its last checkpoint, so
 * points at or after the first new step replace the ones logged before the interruption.
 */
import type { SeriesColumns, TrainPoint } from '../../core/protocol/dto';

export function appendRewinding(series: TrainPoint[], points: readonly TrainPoint[]): void {
  const first = points[0];
  if (first === undefined) return;
  let keep = series.length;
  while (keep > 0 && (series[keep - 1] as TrainPoint).step >= first.step) keep--;
  series.length = keep;
  series.push(...points);
}

/** The series as the parallel columns runs.get sends. */
export function toColumns(series: readonly TrainPoint[]): SeriesColumns {
  const n = series.length;
  const cols = { step: new Array<number>(n), epoch: new Array<number>(n), loss: new Array<number>(n), lr: new Array<number>(n) };
  for (let i = 0; i < n; i++) {
    const p = series[i] as TrainPoint;
    cols.step[i] = p.step;
    cols.epoch[i] = p.epoch;
    cols.loss[i] = p.loss;
    cols.lr[i] = p.lr;
  }
  return cols;
}
