/**
 * 'train' events of a run made of several non-LM trainings (one series each, e.g. "PAD seed 1",
 * "SASRec seed 1", "CRM"): every reported point goes out at once with the run's overall progress,
 * whose ETA extrapolates the time per unit of work so far over the work left.
 */
import type { RecipeRunIo } from '../runner';

/** Emits points of named series against one overall work budget. */
export class TrainEventSink {
  private done = 0;
  private readonly started: number;
  private totalWork: number;

  /** `totalWork`: units (epochs or steps) the whole run reports, across every series. */
  constructor(
    private readonly io: Pick<RecipeRunIo, 'emit' | 'now'>,
    totalWork: number,
  ) {
    this.started = io.now();
    this.totalWork = totalWork;
  }

  /** `units` of the budget were restored from a checkpoint instead of trained: they leave the budget, so the bar and ETA cover what still trains. */
  restored(units: number): void {
    this.totalWork = Math.max(this.done, this.totalWork - units);
  }

  /** One point of `series` (its own step axis); counts one unit of work done. */
  point(series: string, p: { readonly step: number; readonly epoch: number; readonly epochs: number; readonly loss: number; readonly lr: number }): void {
    this.done += 1;
    const elapsed = (this.io.now() - this.started) / 1000;
    const left = Math.max(0, this.totalWork - this.done);
    const etaSeconds = this.done > 0 ? (elapsed / this.done) * left : null;
    this.io.emit({
      kind: 'train',
      series,
      points: [{ step: p.step, epoch: p.epoch, loss: p.loss, lr: p.lr }],
      progress: { step: Math.min(this.done, this.totalWork), totalSteps: this.totalWork, epoch: p.epoch, epochs: p.epochs, etaSeconds, phase: 'train' },
    });
  }
}
