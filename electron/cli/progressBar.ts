/** A one-line progress bar on stderr: redrawn in place on a terminal, every 10 % otherwise. */
import type { RunProgress, TrainPoint } from '../../core/protocol/dto';

const WIDTH = 28;

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "[#########-----------]  45%  epoch 3/15  loss 0.5120  ETA 0:42" (recipe runs: their progress label). */
export function progressLine(p: RunProgress, last: TrainPoint | undefined): string {
  const frac = p.totalSteps === 0 ? 0 : Math.min(1, p.step / p.totalSteps);
  const filled = Math.round(frac * WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
  const loss = last ? `  loss ${last.loss.toFixed(4)}` : '';
  const phase = p.phase === 'eval' ? '  evaluating' : `  ETA ${eta(p.etaSeconds)}`;
  // Recipe runs name their training and phase instead of counting epochs.
  const where = p.label ?? `epoch ${p.epoch}/${p.epochs}`;
  return `${bar} ${String(Math.round(frac * 100)).padStart(3)}%  ${where}${loss}${phase}`;
}

/** Writes progress lines to a stream, throttling non-terminal output to 10 % steps. */
export class ProgressBar {
  private lastDecile = -1;

  constructor(private readonly out: NodeJS.WriteStream) {}

  update(p: RunProgress, last: TrainPoint | undefined): void {
    const line = progressLine(p, last);
    if (this.out.isTTY) {
      this.out.write(`\r${line}\x1b[K`);
      return;
    }
    const decile = p.totalSteps === 0 ? 0 : Math.floor((10 * p.step) / p.totalSteps);
    if (decile === this.lastDecile && p.phase === 'train') return;
    this.lastDecile = decile;
    this.out.write(`${line}\n`);
  }

  end(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
