/**
 * Appends progress points to a run's series. A resumed run replays from its last checkpoint, so
 * points at or after the first new step replace the ones logged before the interruption.
 */
import type { TrainPoint } from '../../core/protocol/dto';

export function appendRewinding(series: TrainPoint[], points: readonly TrainPoint[]): void {
  const first = points[0];
  if (first === undefined) return;
  let keep = series.length;
  while (keep > 0 && (series[keep - 1] as TrainPoint).step >= first.step) keep--;
  series.length = keep;
  series.push(...points);
}
