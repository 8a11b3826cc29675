/**
 * Throttled progress: collects one TrainPoint per step and emits deltas (only the new points
 * plus the current RunProgress) at most every `intervalMs`, so the host/renderer are not flooded
 * at hundreds of steps per second. Time comes from an injected clock.
 */
import type { RunProgress, TrainPoint } from '../protocol/dto';

/** What each emission carries. */
export interface ProgressDelta {
  readonly points: TrainPoint[];
  readonly progress: RunProgress;
}

/** Construction options. */
export interface ThrottledProgressOptions {
  emit(delta: ProgressDelta): void;
  /** Milliseconds, monotonic. */
  now(): number;
  readonly totalSteps: number;
  readonly epochs: number;
  readonly intervalMs?: number; // minimum gap between emissions (100 ms)
  readonly etaWindow?: number; // recent steps averaged for the ETA (20)
}

/** Batches TrainPoints and emits them at a bounded rate; flush() forces an emission. */
export class ThrottledProgress {
  private pending: TrainPoint[] = [];
  private lastEmit: number | null = null;
  private readonly stepTimes: number[] = [];
  private step = 0;
  private epoch = 0;
  private phase: RunProgress['phase'] = 'train';

  constructor(private readonly opts: ThrottledProgressOptions) {}

  /** Records a finished step; emits if the last emission is at least intervalMs old. */
  record(point: TrainPoint): void {
    const t = this.opts.now();
    this.pending.push(point);
    this.step = point.step;
    this.epoch = point.epoch;
    this.stepTimes.push(t);
    if (this.stepTimes.length > (this.opts.etaWindow ?? 20) + 1) this.stepTimes.shift();
    if (this.lastEmit === null || t - this.lastEmit >= (this.opts.intervalMs ?? 100)) this.flush();
  }

  /** Switches to the evaluation phase and tells the listener at once. */
  enterEval(): void {
    this.phase = 'eval';
    this.flush();
  }

  /** Emits everything pending now (always, even with no new points). */
  flush(): void {
    const points = this.pending;
    this.pending = [];
    this.lastEmit = this.opts.now();
    this.opts.emit({ points, progress: this.snapshot() });
  }

  /** Current progress. */
  snapshot(): RunProgress {
    return {
      step: this.step,
      totalSteps: this.opts.totalSteps,
      epoch: this.epoch,
      epochs: this.opts.epochs,
      etaSeconds: this.phase === 'train' ? this.eta() : null,
      phase: this.phase,
    };
  }

  /** Mean of the recent step durations × steps left; null until two steps are timed. */
  private eta(): number | null {
    const n = this.stepTimes.length;
    if (n < 2) return null;
    const perStep = ((this.stepTimes[n - 1] as number) - (this.stepTimes[0] as number)) / (n - 1);
    return (Math.max(0, this.opts.totalSteps - this.step) * perStep) / 1000;
  }
}
