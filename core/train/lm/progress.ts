/**
 * Events of an LM run and their throttling. Mirrors core/train/progress.ts (ThrottledProgress):
 * one point per update, emitted as deltas at most every intervalMs from an injected clock; LM
 * points also carry the data phase, its source, tokens/s and the gradient norm. Phase changes
 * flush first, so a chart sees every point of the old phase before the switch.
 */
import type { LmPhaseBoundary } from './phases';

/** One update. */
export interface LmTrainPoint {
  readonly step: number; // updates done (1-based, as in TrainPoint)
  readonly loss: number; // mean token cross-entropy of the update's batch
  readonly lr: number;
  readonly phase: string;
  readonly source: string;
  readonly tokens: number; // non-padding tokens processed
  readonly tokensPerSecond: number;
  readonly gradNorm: number; // global L2 norm before clipping
}

/** State of the run for a status line. */
export interface LmRunProgress {
  readonly step: number;
  readonly totalSteps: number;
  readonly phase: string;
  readonly source: string;
  readonly etaSeconds: number | null; // null until two updates are timed
  readonly tokensPerSecond: number | null; // over the recent window
}

/** Everything a run emits. */
export type LmTrainEvent =
  | { readonly kind: 'plan'; readonly startStep: number; readonly totalSteps: number; readonly boundaries: readonly LmPhaseBoundary[] }
  | { readonly kind: 'phaseChange'; readonly step: number /* LmTrainPoint.step of the first update of `to` */; readonly from: string | null; readonly to: string; readonly source: string }
  | { readonly kind: 'progress'; readonly points: readonly LmTrainPoint[]; readonly progress: LmRunProgress };

/** Construction options. */
export interface LmProgressOptions {
  emit(event: LmTrainEvent): void;
  now(): number; // milliseconds, monotonic
  readonly totalSteps: number;
  readonly intervalMs?: number; // minimum gap between progress emissions (100 ms)
  readonly window?: number; // recent updates averaged for ETA and tokens/s (20)
}

/** Batches points and emits them at a bounded rate; flush() forces an emission. */
export class LmProgress {
  private pending: LmTrainPoint[] = [];
  private lastEmit: number | null = null;
  private recent: { t: number; tokens: number }[] = [];
  private last: LmTrainPoint | null = null;

  constructor(private readonly opts: LmProgressOptions) {}

  /** Announces the phase plan (once at the start of a run or resume). */
  plan(startStep: number, boundaries: readonly LmPhaseBoundary[]): void {
    this.opts.emit({ kind: 'plan', startStep, totalSteps: this.opts.totalSteps, boundaries });
  }

  /** Flushes pending points, then reports that the point numbered `step` is the first of phase `to`. */
  phaseChange(step: number, from: string | null, to: string, source: string): void {
    if (this.pending.length > 0) this.flush();
    this.opts.emit({ kind: 'phaseChange', step, from, to, source });
  }

  /** Records a finished update; emits when the last emission is at least intervalMs old. */
  record(point: LmTrainPoint): void {
    const t = this.opts.now();
    this.pending.push(point);
    this.last = point;
    this.recent.push({ t, tokens: point.tokens });
    if (this.recent.length > (this.opts.window ?? 20) + 1) this.recent.shift();
    if (this.lastEmit === null || t - this.lastEmit >= (this.opts.intervalMs ?? 100)) this.flush();
  }

  /** Emits everything pending now. */
  flush(): void {
    const points = this.pending;
    this.pending = [];
    this.lastEmit = this.opts.now();
    this.opts.emit({ kind: 'progress', points, progress: this.snapshot() });
  }

  /** Current progress. */
  snapshot(): LmRunProgress {
    const n = this.recent.length;
    const span = n < 2 ? 0 : ((this.recent[n - 1]?.t ?? 0) - (this.recent[0]?.t ?? 0)) / 1000;
    const tokens = this.recent.slice(1).reduce((s, r) => s + r.tokens, 0);
    const step = this.last?.step ?? 0;
    return {
      step,
      totalSteps: this.opts.totalSteps,
      phase: this.last?.phase ?? '',
      source: this.last?.source ?? '',
      etaSeconds: span > 0 ? ((this.opts.totalSteps - step) * span) / (n - 1) : null,
      tokensPerSecond: span > 0 ? tokens / span : null,
    };
  }
}
