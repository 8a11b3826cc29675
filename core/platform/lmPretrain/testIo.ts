/** Io for in-process test runs: records every step's loss; a fake clock makes each point emit at once. */
import path from 'node:path';
import type { LmPretrainIo } from './runLmPretrain';

/** Io over `dir` (checkpoints/ and model/ inside it) and the losses it saw, by step. */
export function recordingIo(dir: string, cancelAfterStep = Infinity): { io: LmPretrainIo; losses: Map<number, number> } {
  const losses = new Map<number, number>();
  let clock = 0;
  let step = 0;
  const io: LmPretrainIo = {
    checkpointDir: path.join(dir, 'checkpoints'),
    modelDir: path.join(dir, 'model'),
    emit: (e) => {
      if (e.kind !== 'progress') return;
      for (const p of e.points) losses.set(p.step, p.loss);
      step = e.progress.step;
    },
    isCancelled: () => step >= cancelAfterStep,
    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    now: () => (clock += 1000),
  };
  return { io, losses };
}
